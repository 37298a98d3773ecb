package com.helpboard.system.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever no handler answered (unknown pages, 405, too-large uploads, unexpected
 * failures): problem+json under {@code /api}, a friendly page in the reader's language
 * elsewhere, and never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request);
		response.setStatus(status.value());
		String view = switch (status.value()) {
			case 403, 404 -> "error/" + status.value();
			default -> status.is4xxClientError() ? "error/4xx" : "error/5xx";
		};
		return new ModelAndView(view, Map.of("status", status.value()), status);
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status.value()) {
			case 404 -> "Nothing is here.";
			case 405 -> "This method is not allowed here.";
			case 413 -> "The upload is too large.";
			default -> status.is4xxClientError() ? "The request could not be processed."
					: "Something went wrong on our side. Please try again.";
		});
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (request.getAttribute(
				RequestDispatcher.ERROR_EXCEPTION) instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
