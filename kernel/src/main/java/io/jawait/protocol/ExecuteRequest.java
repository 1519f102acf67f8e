package io.jawait.protocol;

import java.util.Map;

/** The parts of {@code execute_request} an interpreter needs; {@code executionCount} is already assigned. */
public record ExecuteRequest(String code, boolean silent, boolean storeHistory, boolean allowStdin,
                             Map<String, String> userExpressions, int executionCount) {}
