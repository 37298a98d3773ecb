package com.helpboard.account;

import com.helpboard.system.FieldRejection;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	record RegistrationForm(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password,
			String passwordAgain) {
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", new RegistrationForm("", "", ""));
		return "account/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("password") && !form.password().equals(form.passwordAgain())) {
			result.rejectValue("passwordAgain", "account.password.mismatch");
		}
		if (result.hasErrors()) {
			return "account/register";
		}
		try {
			this.accounts.register(form.username(), form.password());
		}
		catch (FieldRejection ex) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
			return "account/register";
		}
		try {
			// sign the new member in straight away, through the normal login machinery
			request.login(form.username(), form.password());
		}
		catch (ServletException ex) {
			redirect.addFlashAttribute("flash", "account.registered.login");
			return "redirect:/login";
		}
		redirect.addFlashAttribute("flash", "account.registered");
		return "redirect:/me";
	}

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/me")
	String profile(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("profile", this.accounts.profile(me.id()));
		model.addAttribute("tokens", this.accounts.tokens(me.id()));
		return "account/profile";
	}

	record TokenForm(@Size(max = 64) String name) {
	}

	@PostMapping("/me/tokens")
	String issueToken(@Valid @ModelAttribute TokenForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("flash", "account.token.name.invalid");
			return "redirect:/me";
		}
		IssuedToken token = this.accounts.issueToken(me.id(), form.name());
		redirect.addFlashAttribute("newToken", token);
		return "redirect:/me#tokens";
	}

	@PostMapping("/me/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		this.accounts.revokeToken(me.id(), id);
		redirect.addFlashAttribute("flash", "account.token.revoked");
		return "redirect:/me#tokens";
	}

}
