package dev.jimeng.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.api.ResponseClassifier.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseClassifierTest {

    @ParameterizedTest(name = "business code {0} is {2}, retry {3}")
    @CsvSource(
            textBlock =
                    """
            50411, 400, CONTENT_REVIEW, NEVER
            50511, 400, CONTENT_REVIEW, RESUBMIT
            50412, 400, CONTENT_REVIEW, NEVER
            50512, 400, CONTENT_REVIEW, NEVER
            50413, 400, CONTENT_REVIEW, NEVER
            50516, 400, CONTENT_REVIEW, RESUBMIT
            50517, 400, CONTENT_REVIEW, RESUBMIT
            50518, 400, CONTENT_REVIEW, NEVER
            50519, 400, CONTENT_REVIEW, RESUBMIT
            50520, 400, CONTENT_REVIEW, NEVER
            50521, 400, CONTENT_REVIEW, NEVER
            50522, 400, CONTENT_REVIEW, NEVER
            50429, 429, RATE_LIMIT, BACKOFF
            50430, 429, RATE_LIMIT, WAIT_FOR_SLOT
            50500, 500, SERVER, BACKOFF
            50501, 500, SERVER, BACKOFF
            """)
    void everyBusinessCodeIsClassifiedWithItsCategoryAndRetryClass(
            String code, int http, ErrorCategory category, Retry retry) {
        String body = "{\"code\":" + code + ",\"data\":null,\"message\":\"Some Server Words\",\"request_id\":\"req-1\","
                + "\"status\":" + code + "}";

        ApiError error = failure(ResponseClassifier.classifySubmit(http, bytes(body)));

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.httpStatus()).isEqualTo(http);
        assertThat(error.category()).isEqualTo(category);
        assertThat(error.retry()).isEqualTo(retry);
        assertThat(error.requestId()).isEqualTo("req-1");
        assertThat(error.hint()).isNotBlank();
        assertThat(error.message()).contains("Some Server Words");
        assertThat(error.mayHaveReachedServer())
                .as("a parsed error answer means the submit surely failed")
                .isFalse();
        assertThat(error.describe())
                .startsWith(code + ": ")
                .contains(error.hint())
                .doesNotContain("\n");
    }

    @ParameterizedTest(name = "gateway code {0} ({1}) is {3}, retry {4}")
    @CsvSource(
            textBlock =
                    """
            MissingParameter,       100002, 400, BAD_REQUEST, NEVER
            MissingRequestInfo,     100004, 400, BAD_REQUEST, NEVER
            InvalidTimestamp,       100006, 400, AUTH,        NEVER
            ServiceNotFound,        100007, 404, BAD_REQUEST, NEVER
            InvalidActionOrVersion, 100008, 404, BAD_REQUEST, NEVER
            InvalidAccessKey,       100009, 401, AUTH,        NEVER
            SignatureDoesNotMatch,  100010, 401, AUTH,        NEVER
            AccessDenied,           100013, 403, AUTH,        NEVER
            InternalError,          100014, 500, SERVER,      BACKOFF
            """)
    void everyGatewayCodeInTheResponseMetadataEnvelopeIsClassified(
            String name, int number, int http, ErrorCategory category, Retry retry) {
        ApiError error = failure(ResponseClassifier.classifyGetResult(http, bytes(gateway(name, number))));

        assertThat(error.code()).isEqualTo(name);
        assertThat(error.category()).isEqualTo(category);
        assertThat(error.retry()).isEqualTo(retry);
        assertThat(error.requestId()).isEqualTo("gw-req");
        assertThat(error.hint()).isNotBlank();
        assertThat(error.describe()).startsWith(name + ": ");
    }

    @Test
    void aGatewayErrorWithOnlyTheNumericCodeIsStillRecognised() {
        String body = "{\"ResponseMetadata\":{\"RequestId\":\"x\",\"Error\":{\"CodeN\":100006,\"Message\":\"skew\"}}}";

        ApiError error = failure(ResponseClassifier.classifySubmit(400, bytes(body)));

        assertThat(error.code()).isEqualTo("InvalidTimestamp");
        assertThat(error.hint()).contains("timedatectl set-ntp true");
    }

    @Test
    void theCatalogHintsPointAtTheRightEnvironmentVariables() {
        assertThat(ErrorCatalog.find("SignatureDoesNotMatch").orElseThrow().hint())
                .contains("VOLC_SECRETKEY");
        assertThat(ErrorCatalog.find("100009").orElseThrow().hint()).contains("VOLC_ACCESSKEY");
        assertThat(ErrorCatalog.find("50412").orElseThrow().hint())
                .isEqualTo("rephrase the prompt: it failed the text content review");
        assertThat(ErrorCatalog.timeout(java.time.Duration.ofMillis(1500), true).hint())
                .contains("increase JIMENG_VIDEO_API_TIMEOUT");
    }

    @ParameterizedTest(name = "unknown code at HTTP {0} is {1}, retry {2}")
    @CsvSource(
            textBlock =
                    """
            400, BAD_REQUEST, NEVER
            404, BAD_REQUEST, NEVER
            401, AUTH,        NEVER
            429, RATE_LIMIT,  BACKOFF
            500, SERVER,      BACKOFF
            503, SERVER,      BACKOFF
            """)
    void unknownCodesGetADefaultFromTheHttpStatus(int http, ErrorCategory category, Retry retry) {
        ApiError business = failure(ResponseClassifier.classifySubmit(
                http, bytes("{\"code\":61234,\"data\":null,\"message\":\"new\",\"request_id\":\"r\"}")));
        ApiError gateway = failure(ResponseClassifier.classifySubmit(http, bytes(gateway("BrandNewError", 109999))));

        assertThat(business.code()).isEqualTo("61234");
        assertThat(gateway.code()).isEqualTo("BrandNewError");
        for (ApiError error : new ApiError[] {business, gateway}) {
            assertThat(error.category()).isEqualTo(category);
            assertThat(error.retry()).isEqualTo(retry);
        }
    }

    @Test
    void anHtmlPageFromAProxyIsAServerErrorToBackOffFrom() {
        byte[] html = bytes("<html><body><h1>502 Bad Gateway</h1></body></html>");

        ApiError onSubmit = failure(ResponseClassifier.classifySubmit(502, html));
        ApiError onPoll = failure(ResponseClassifier.classifyGetResult(502, html));

        assertThat(onSubmit.code()).isEqualTo("http-502");
        assertThat(onSubmit.category()).isEqualTo(ErrorCategory.SERVER);
        assertThat(onSubmit.retry()).isEqualTo(Retry.BACKOFF);
        assertThat(onSubmit.mayHaveReachedServer())
                .as("the upstream may have accepted the task behind the proxy")
                .isTrue();
        assertThat(onPoll.code()).isEqualTo("http-502");
        assertThat(onPoll.mayHaveReachedServer()).isFalse();
        // a submit that may have been taken is never sent again: its words must not promise a retry
        assertThat(onSubmit.describe())
                .doesNotContain("tries again")
                .contains("may have been accepted")
                .contains("does not send it again");
        assertThat(onPoll.describe()).contains("tries again");
    }

    @Test
    void anEmptyBodyIsClassifiedByItsStatus() {
        assertThat(failure(ResponseClassifier.classifyGetResult(200, new byte[0])))
                .extracting(ApiError::code, ApiError::category)
                .containsExactly("http-200", ErrorCategory.PROTOCOL);
        assertThat(failure(ResponseClassifier.classifySubmit(404, new byte[0])))
                .extracting(ApiError::code, ApiError::category, ApiError::retry, ApiError::mayHaveReachedServer)
                .containsExactly("http-404", ErrorCategory.BAD_REQUEST, Retry.NEVER, false);
    }

    @Test
    void aTaskIdSentAsAJsonNumberKeepsAllItsDigits() throws ApiException {
        String body = "{\"code\":10000,\"data\":{\"task_id\":7392616336519610409},\"message\":\"Success\","
                + "\"request_id\":\"r9\",\"status\":10000}";
        String huge = "{\"code\":10000,\"data\":{\"task_id\":97392616336519610409123},\"request_id\":\"r9\"}";

        SubmitResult result =
                ResponseClassifier.classifySubmit(200, bytes(body)).orThrow();

        assertThat(result).isEqualTo(new SubmitResult("7392616336519610409", "r9"));
        assertThat(ResponseClassifier.classifySubmit(200, bytes(huge)).orThrow().taskId())
                .isEqualTo("97392616336519610409123");
    }

    @Test
    void aSuccessfulSubmitWithoutATaskIdMustNotBeResubmitted() {
        ApiError error = failure(
                ResponseClassifier.classifySubmit(200, bytes("{\"code\":10000,\"data\":{},\"request_id\":\"r\"}")));

        assertThat(error.category()).isEqualTo(ErrorCategory.PROTOCOL);
        assertThat(error.retry()).isEqualTo(Retry.NEVER);
        assertThat(error.mayHaveReachedServer()).isTrue();
    }

    @Test
    void theCodeIsCheckedBeforeTheDoneStatus() {
        String body = "{\"code\":50516,\"data\":{\"status\":\"done\",\"video_url\":\"\"},"
                + "\"message\":\"Post Video Risk Not Pass\",\"request_id\":\"r\",\"status\":50516}";

        ApiError error = failure(ResponseClassifier.classifyGetResult(200, bytes(body)));

        assertThat(error.code()).isEqualTo("50516");
        assertThat(error.retry()).isEqualTo(Retry.RESUBMIT);
        assertThat(error.category()).isEqualTo(ErrorCategory.CONTENT_REVIEW);
    }

    @Test
    void doneWithoutAVideoUrlIsAProtocolError() {
        String body = "{\"code\":10000,\"data\":{\"status\":\"done\",\"video_url\":\"\"},\"request_id\":\"r\"}";

        ApiError error = failure(ResponseClassifier.classifyGetResult(200, bytes(body)));

        assertThat(error.category()).isEqualTo(ErrorCategory.PROTOCOL);
        assertThat(error.code()).isEqualTo("protocol");
    }

    @Test
    void aRunningTaskAndAFinishedTaskAreParsed() throws ApiException {
        String running =
                "{\"code\":10000,\"data\":{\"status\":\"generating\",\"video_url\":\"\"},\"request_id\":\"a\"}";
        String done = "{\"code\":\"10000\",\"data\":{\"status\":\"done\",\"video_url\":\"https://cdn/v.mp4?sig=1\","
                + "\"aigc_meta_tagged\":true},\"request_id\":\"b\"}";

        assertThat(ResponseClassifier.classifyGetResult(200, bytes(running)).orThrow())
                .isEqualTo(new TaskResult(TaskStatus.GENERATING, "", "a", false));
        assertThat(ResponseClassifier.classifyGetResult(200, bytes(done)).orThrow())
                .isEqualTo(new TaskResult(TaskStatus.DONE, "https://cdn/v.mp4?sig=1", "b", true));
    }

    @Test
    void anUnknownTaskStatusIsAProtocolErrorWorthAskingAgain() {
        String body = "{\"code\":10000,\"data\":{\"status\":\"melting\"},\"request_id\":\"a\"}";

        ApiError error = failure(ResponseClassifier.classifyGetResult(200, bytes(body)));

        assertThat(error.category()).isEqualTo(ErrorCategory.PROTOCOL);
        assertThat(error.retry()).isEqualTo(Retry.BACKOFF);
        assertThat(error.message()).contains("melting");
    }

    @Test
    void aMultiLineServerMessageStillDescribesInOneLine() {
        String body = "{\"code\":50412,\"message\":\"line one\\nline two\",\"request_id\":\"r\"}";

        ApiError error = failure(ResponseClassifier.classifySubmit(400, bytes(body)));

        assertThat(error.describe())
                .isEqualTo("50412: the prompt failed the text content review (server: line one line two)"
                        + " — rephrase the prompt: it failed the text content review");
    }

    @Test
    void theCatalogHoldsExactlyTheDocumentedCodes() {
        assertThat(ErrorCatalog.all())
                .extracting(ErrorCatalog.Entry::code)
                .containsExactlyInAnyOrder(
                        "50411",
                        "50511",
                        "50412",
                        "50512",
                        "50413",
                        "50516",
                        "50517",
                        "50518",
                        "50519",
                        "50520",
                        "50521",
                        "50522",
                        "50429",
                        "50430",
                        "50500",
                        "50501",
                        "MissingParameter",
                        "MissingRequestInfo",
                        "InvalidTimestamp",
                        "ServiceNotFound",
                        "InvalidActionOrVersion",
                        "InvalidAccessKey",
                        "SignatureDoesNotMatch",
                        "AccessDenied",
                        "InternalError");
        assertThat(ErrorCatalog.all()).allSatisfy(e -> {
            assertThat(e.meaning()).isNotBlank();
            assertThat(e.hint()).isNotBlank();
        });
    }

    private static String gateway(String name, int number) {
        return "{\"ResponseMetadata\":{\"RequestId\":\"gw-req\",\"Action\":\"CVSync2AsyncGetResult\","
                + "\"Version\":\"2022-08-31\",\"Service\":\"cv\",\"Region\":\"cn-north-1\",\"Error\":{\"CodeN\":"
                + number + ",\"Code\":\"" + name + "\",\"Message\":\"gateway says no\"}}}";
    }

    private static ApiError failure(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Failure.class);
        return ((Outcome.Failure<?>) outcome).error();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
