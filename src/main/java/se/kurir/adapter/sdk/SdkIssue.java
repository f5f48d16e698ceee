package se.kurir.adapter.sdk;

/**
 * One thing wrong with an SDK message, as a receipt's line response says it: never a value from the message.
 *
 * @param kind SV (the schema), BV (a business rule) or SIG (signature and encryption)
 * @param lineId where: the element's path in the message ({@code NA} when it is the message as a whole)
 * @param code the specification's detail code (structure, invariant, security, too-long, duplicate, ...)
 * @param reason what is wrong, in words, naming the rule or the schema constraint
 */
record SdkIssue(Kind kind, String lineId, String code, String reason) {

    enum Kind {
        SV, BV, SIG
    }

    static SdkIssue schema(String lineId, String reason) {
        return new SdkIssue(Kind.SV, lineId, "structure", reason);
    }

    static SdkIssue rule(String lineId, String reason) {
        return new SdkIssue(Kind.BV, lineId, "invariant", reason);
    }
}
