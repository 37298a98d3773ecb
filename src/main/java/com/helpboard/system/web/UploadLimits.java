package com.helpboard.system.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import tools.jackson.databind.ObjectMapper;

/**
 * An upload over the limit is refused before any controller runs. On a page the member
 * goes back to the form with the reason; the API's answer is a 413 problem (ErrorPages).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

	private final ObjectMapper objectMapper;

	UploadLimits(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (request.getRequestURI().startsWith("/api/") || !"POST".equals(request.getMethod())) {
			// answered here: an error dispatch would
			// trip over the same multipart body again
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The upload is too large: at most 2 MB.");
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.objectMapper.writeValue(response.getOutputStream(), problem);
			return new ModelAndView();
		}
		RequestContextUtils.getOutputFlashMap(request).put("flash", "link.rejected.image-too-large");
		RequestContextUtils.saveOutputFlashMap(request.getRequestURI(), request, response);
		return new ModelAndView("redirect:" + request.getRequestURI());
	}

}
