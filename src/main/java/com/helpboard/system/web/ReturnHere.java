package com.helpboard.system.web;

import com.helpboard.system.ReturnTarget;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The page being shown, for the top bar's "登录" and "注册" links
 * ({@code /login?next=/r/42}): a visitor who logs in from a request page comes back to
 * it. Nothing on the home page (the to-do page is a better landing) nor on pages that are
 * not a destination (see {@link ReturnTarget}).
 */
@ControllerAdvice(annotations = Controller.class)
class ReturnHere {

	@ModelAttribute("returnHere")
	String returnHere(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.isEmpty() || "/".equals(path)) {
			return null;
		}
		String query = request.getQueryString();
		String here = (query != null) ? path + "?" + query : path;
		return ReturnTarget.of(here).orElse(null);
	}

}
