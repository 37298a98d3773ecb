package com.helpboard.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload over the limit is refused before any controller runs. On a page the member
 * goes back to the form with the reason; the API's answer is a 413 problem (ErrorPages).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response)
			throws MaxUploadSizeExceededException {
		if (request.getRequestURI().startsWith("/api/") || !"POST".equals(request.getMethod())) {
			throw ex;
		}
		RequestContextUtils.getOutputFlashMap(request).put("flash", "link.rejected.image-too-large");
		RequestContextUtils.saveOutputFlashMap(request.getRequestURI(), request, response);
		return new ModelAndView("redirect:" + request.getRequestURI());
	}

}
