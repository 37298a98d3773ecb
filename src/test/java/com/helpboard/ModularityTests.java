package com.helpboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	/** The module graph bottom to top, as docs/modules.md draws it. */
	private static final List<String> LAYERS = List.of("system", "link", "account", "group", "request", "share", "help",
			"credit", "stats", "profile", "moderation", "notification");

	private final ApplicationModules modules = ApplicationModules.of(HelpBoardApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void everyModuleIsPlacedInTheGraph() {
		assertThat(this.modules.stream().map(ModularityTests::name)).containsExactlyInAnyOrderElementsOf(LAYERS);
	}

	@Test
	void dependenciesPointDownTheGraphOnly() {
		this.modules.forEach((module) -> {
			int layer = LAYERS.indexOf(name(module));
			assertThat(module.getDirectDependencies(this.modules).uniqueModules().map(ModularityTests::name))
				.as("what %s depends on: only modules below it, no reach-back", name(module))
				.allMatch((dependency) -> LAYERS.indexOf(dependency) < layer);
		});
	}

	@Test
	void accountsAndGroupsKnowNothingOfTheModulesAboveThem() {
		for (String bottom : List.of("account", "group")) {
			ApplicationModule module = this.modules.getModuleByName(bottom).orElseThrow();
			assertThat(module.getAllDependencies(this.modules).uniqueModules().map(ModularityTests::name))
				.as("everything %s depends on, directly or not", bottom)
				.doesNotContain("request", "share", "help", "credit", "profile", "moderation", "notification", "stats");
		}
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
			.writeDocumentation();
	}

}
