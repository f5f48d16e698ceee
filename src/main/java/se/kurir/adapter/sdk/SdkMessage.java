package se.kurir.adapter.sdk;

/**
 * What the header of an SDK message v3 says: who sends to whom, its ids and its confidentiality. The documents stay
 * in the stored message; only their number is kept here.
 *
 * @param recipientOrganisation {@code recipientID/extension}, an {@code iso6523-actorid-upis} value such as
 *     {@code 0203:forsakringskassan.se}
 * @param recipientFunctionalAddress the recipient's functional mailbox, {@code attention/subOrganization/organizationId
 *     /extension}
 * @param senderFunctionalAddress the sender's, or null when the message names none
 */
record SdkMessage(String creationDateTime, String messageId, String conversationId, String refToMessageId,
        String label, boolean confidentiality, String generatingSystem, String recipientOrganisation,
        String recipientFunctionalAddress, String senderOrganisation, String senderFunctionalAddress,
        int documents) {

    static final String NAMESPACE = "urn:riv:infrastructure:messaging:MessageWithAttachments:3";
    static final String ACTOR_ID = "iso6523-actorid-upis";
    static final String FUNCTIONAL_ADDRESS = "urn:riv:infrastructure:messaging:functionalAddress";
    /** The media type Kurir records an SDK message under. */
    static final String MEDIA_TYPE = "application/xml; profile=\"" + NAMESPACE + "\"";
}
