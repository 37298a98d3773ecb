package com.helpboard;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(HelpBoardApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
			.writeDocumentation();
	}

}
