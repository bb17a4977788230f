package org.lpr.policy;

/**
 * A rule of the general order as the SDK enforces it: its id (written to audit records and named in
 * every refusal), the section of the order it comes from, and the sentence it enforces.
 */
public enum Rule {
    /** Every use of LPR data needs a signed-in, unexpired session. */
    AUTHENTICATED_SESSION("Administration", "Only personnel authorized by the Department ... shall access LPR data (CJIS 5.6 identification and authentication)."),
    /** Accounts are locked after repeated failed log-ins. */
    ACCOUNT_LOCKOUT("Administration", "Unauthorized access ... shall be immediately investigated (CJIS 5.5.3 unsuccessful log-in attempts)."),
    /** The user's role must allow the action. */
    AUTHORIZED_ROLE("Authorized Use", "Only personnel authorized by the Department and trained in the use of the system shall access LPR data."),
    /** The user's department-approved training must be complete and current. */
    CURRENT_TRAINING("Administration", "The administrator shall ensure that all users receive department-approved training before being granted access to the system."),
    /** Training must cover every topic the order names. */
    TRAINING_TOPICS("Administration", "Training shall include operational procedures, legal considerations, privacy protections, constitutional considerations, data retention requirements, and system security."),
    /** Only administrators manage users, roles, training and agreements. */
    ADMINISTRATION("Administration", "The designated administrator shall be responsible for ... training, access control, data retention, auditing, security."),
    /** Use must carry an authorized law enforcement or public safety purpose. */
    AUTHORIZED_PURPOSE("Authorized Use", "LPR systems and associated data shall only be used for official law enforcement and public safety purposes."),
    /** Traffic citation, speed enforcement, personal, political, commercial and other non-official uses are refused. */
    PROHIBITED_PURPOSE("Authorized Use; Unauthorized Use", "LPR technology shall not be used as an automated traffic citation or speed enforcement system; personal, political, commercial or non-official use is prohibited."),
    /** Historical searches carry a case, CAD, intelligence file or documented-activity reference. */
    REFERENCE("Authorized Use", "Historical searches should be associated with a case report number, CAD event number, intelligence file, investigative purpose, or other documented law enforcement activity whenever practical."),
    /** Nothing may select people by protected characteristics. */
    PROTECTED_CHARACTERISTICS("Purpose; Unauthorized Use", "The Department shall not use LPR systems to target, monitor, or collect information regarding individuals or groups solely based upon ... protected classification."),
    /** Searches centred on sensitive places need a supervisor's approval. */
    SENSITIVE_PLACE("Purpose; Unauthorized Use", "Monitoring or targeting individuals or groups solely based upon protected characteristics (places of worship, clinics, lawful assemblies) is prohibited."),
    /** Searches beyond the configured limits need a supervisor's approval. */
    WIDE_SEARCH("Unauthorized Use", "Any use inconsistent with Department policy ... is prohibited; wide searches need a second person's approval."),
    /** Approvals come from a supervisor other than the requester, for exactly the request approved. */
    SECOND_PERSON_APPROVAL("Administration", "Supervisory approval is given by a supervisor who is not the requester."),
    /** A custom hot list entry's reason must be documented. */
    HOT_LIST_REASON("Hot List Management", "The reason for the entry shall be documented within the system."),
    /** A custom hot list entry is associated with a case, CAD event, investigative purpose or supervisory approval. */
    HOT_LIST_ASSOCIATION("Hot List Management", "Whenever practical, custom hot list entries shall be associated with a case number, CAD event number, investigative purpose, or supervisory approval."),
    /** Custom hot list entries are reviewed periodically and removed when no longer necessary. */
    HOT_LIST_REVIEW("Hot List Management", "Custom hot list entries shall be reviewed periodically and removed when no longer necessary."),
    /** Hot lists shared in by partner agencies are accepted only under an agreement. */
    PARTNER_HOT_LIST("Data Retention, Security, and Sharing", "The Department may authorize limited access ... consistent with established information-sharing agreements."),
    /** The officer visually verifies plate characters and state of issuance before enforcement. */
    ALERT_VISUAL_VERIFICATION("Alert Verification", "Prior to initiating enforcement action based upon an LPR alert, officers shall visually verify that the license plate ... matches the actual vehicle plate, including state of issuance and alphanumeric characters."),
    /** The alert's status is confirmed through NCIC, MULES, dispatch or MDT where practical. */
    ALERT_STATUS_CONFIRMATION("Alert Verification", "When practical, officers shall verify the status of the alert through NCIC, MULES, dispatch, MDT inquiry, or other authorized criminal justice information systems."),
    /** An alert alone never allows enforcement. */
    ALERT_NOT_SUFFICIENT("Alert Verification", "An LPR alert alone does not establish reasonable suspicion or probable cause ... without additional verification."),
    /** Dispositions of alerts are documented. */
    ALERT_DISPOSITION("Alert Verification", "The disposition of alerts that result in investigative action should be documented within the LPR system whenever possible."),
    /** Non-evidentiary reads are purged after the retention period. */
    RETENTION("Data Retention, Security, and Sharing", "Non-evidentiary LPR data shall be automatically purged from the system after thirty (30) days."),
    /** Evidentiary holds name their basis and reference. */
    EVIDENTIARY_HOLD("Data Retention, Security, and Sharing", "... unless the information is determined to have evidentiary or investigative value related to a criminal investigation, prosecution, civil proceeding, lawful preservation request, or court order."),
    /** The Department controls access to its data; other agencies' users get none without an agreement. */
    AGENCY_CONTROL("Data Retention, Security, and Sharing", "The Odessa Police Department maintains control over access to and authorized use of LPR data."),
    /** Partner agencies have access only under a current information-sharing agreement. */
    SHARING_AGREEMENT("Data Retention, Security, and Sharing", "The Department may authorize limited access to LPR data for partnering law enforcement agencies ... consistent with established information-sharing agreements."),
    /** Purposes the jurisdiction forbids for sharing are refused. */
    SHARING_FORBIDDEN_PURPOSE("Data Retention, Security, and Sharing", "... consistent with applicable law (state laws that bar sharing for immigration enforcement or reproductive-care investigations)."),
    /** A partner agency's queries stay within the agreement's quota. */
    SHARING_QUOTA("Data Retention, Security, and Sharing", "The Department may authorize limited access to LPR data for partnering law enforcement agencies."),
    /** Dissemination goes only to agencies under an agreement, for an allowed purpose. */
    DISSEMINATION("Unauthorized Use", "Unauthorized dissemination of LPR information is prohibited."),
    /** Every access is written to the tamper-evident audit log before it is answered. */
    AUDIT_LOGGED("Data Retention, Security, and Sharing", "All access to LPR data shall be logged and subject to audit."),
    /** The audit log's hash chain is intact. */
    AUDIT_INTEGRITY("Administration", "The Department shall conduct periodic audits ...; audit findings shall be documented and retained."),
    /** Misuse, intrusion and breaches are reported to administrators at once. */
    SECURITY_INCIDENT("Administration", "Any unauthorized access, misuse, theft of data, sabotage, system intrusion, or security breach shall be immediately investigated and reported through appropriate channels."),
    /** Requests must be complete and well formed. */
    VALID_REQUEST("Administration", "Requests name a purpose, a reference and a well-formed query.");

    private final String section;
    private final String sentence;

    Rule(String section, String sentence) {
        this.section = section;
        this.sentence = sentence;
    }

    /** The section of the general order the rule comes from. */
    public String section() {
        return section;
    }

    /** The sentence of the general order (or the CJIS requirement) the rule enforces. */
    public String sentence() {
        return sentence;
    }
}
