package org.lpr.policy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;

/** Validates requests with Hibernate Validator and reports every problem at once. */
final class RequestValidator {
    private final ValidatorFactory factory;
    private final Validator validator;

    RequestValidator() {
        this.factory = Validation.byProvider(HibernateValidator.class).configure().buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** The problems of {@code request}, each as "path: message", sorted; empty when it is valid. */
    List<String> problems(Object request) {
        if (request == null) {
            return List.of("request is missing (null)");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        List<String> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : violations) {
            String path = v.getPropertyPath().toString();
            out.add((path.isEmpty() ? "" : path + ": ") + v.getMessage());
        }
        out.sort(null);
        return out;
    }

    void close() {
        factory.close();
    }
}
