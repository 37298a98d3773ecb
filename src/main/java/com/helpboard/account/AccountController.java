package com.helpboard.account;

import com.helpboard.system.FieldRejection;
import com.helpboard.system.MemberSessions;
import com.helpboard.system.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

	// long enough that the password rules, not this limit, explain a refusal
	static final int PASSWORD_INPUT_MAX = 1024;

	private final Accounts accounts;

	private final MemberSessions memberSessions;

	AccountController(Accounts accounts, MemberSessions memberSessions) {
		this.accounts = accounts;
		this.memberSessions = memberSessions;
	}

	/** The password as typed: not blank-checked or trimmed here, the rules say why. */
	record RegistrationForm(@NotBlank @Size(max = 64) @PlainText String username,
			@NotEmpty @Size(max = PASSWORD_INPUT_MAX) String password, String passwordAgain) {
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", new RegistrationForm("", "", ""));
		return "account/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
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
		// sign the new member in straight away as the login form would: a new session id
		// and CSRF token (no session fixation)
		if (!this.memberSessions.signIn(request, response, form.username(), form.password())) {
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

	record PasswordForm(@NotEmpty @Size(max = PASSWORD_INPUT_MAX) String currentPassword,
			@NotEmpty @Size(max = PASSWORD_INPUT_MAX) String newPassword, String newPasswordAgain) {
	}

	@GetMapping("/me/password")
	String passwordForm(Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		return "account/password";
	}

	@PostMapping("/me/password")
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, HttpServletRequest request, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !form.newPassword().equals(form.newPasswordAgain())) {
			result.rejectValue("newPasswordAgain", "account.password.mismatch");
		}
		if (result.hasErrors()) {
			return "account/password";
		}
		try {
			this.accounts.changePassword(me.id(), form.currentPassword(), form.newPassword());
		}
		catch (FieldRejection ex) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
			return "account/password";
		}
		// committed: every other browser and every remember-me login has to log in again
		this.memberSessions.endOtherSessions(request, me.id(), me.username());
		redirect.addFlashAttribute("flash", "account.password.changed");
		return "redirect:/me";
	}

	record TokenForm(@Size(max = 64) @PlainText String name) {
	}

	@PostMapping("/me/tokens")
	String issueToken(@Valid @ModelAttribute TokenForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		if (result.hasFieldErrors("name") && "PlainText".equals(result.getFieldError("name").getCode())) {
			redirect.addFlashAttribute("flash", "account.token.name.plain");
			return "redirect:/me#tokens";
		}
		if (result.hasErrors()) {
			redirect.addFlashAttribute("flash", "account.token.name.invalid");
			redirect.addFlashAttribute("flashArgs", new Object[] { 64 });
			return "redirect:/me#tokens";
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
