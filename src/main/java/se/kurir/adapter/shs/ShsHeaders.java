package se.kurir.adapter.shs;

/** The {@code X-shs-*} headers of the SHS services' answers. */
final class ShsHeaders {

    static final String TX_ID = "X-shs-txid";
    static final String CORR_ID = "X-shs-corrid";
    static final String CONTENT_ID = "X-shs-contentid";
    static final String NODE_ID = "X-shs-nodeid";
    static final String LOCAL_ID = "X-shs-localid";
    static final String ARRIVAL_DATE = "X-shs-arrivaldate";
    static final String DUPLICATE = "X-shs-duplicatemsg";
    static final String ERROR_CODE = "X-shs-errorcode";

    private ShsHeaders() {
    }
}
