package org.lpr.policy.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.lpr.core.read.Jurisdiction;

/**
 * What the officer saw on the actual vehicle's plate. The policy compares it with the hot list entry:
 * the officer records what they read, not whether it matched.
 *
 * @param observedPlate the characters on the vehicle's plate
 * @param observedState the state of issuance on the vehicle's plate
 */
public record VisualVerification(
        @NotBlank(message = "observed plate is missing: the officer must read the plate on the vehicle")
        @Pattern(regexp = "[A-Za-z0-9 .-]{1,14}", message = "observed plate '${validatedValue}' must be letters, digits, spaces and dashes")
        String observedPlate,
        @NotNull(message = "observed state is missing: the officer must verify the state of issuance") Jurisdiction observedState) {
}
