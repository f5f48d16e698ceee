package se.kurir.envelope;

/** Why the information is disclosed: on request, on the producer's own initiative, by duty, or by subscription. */
public enum DisclosureMode {
    ON_REQUEST, OWN_INITIATIVE, DUTY_TO_NOTIFY, SUBSCRIPTION
}
