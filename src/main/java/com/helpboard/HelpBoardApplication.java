package com.helpboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HelpBoardApplication {

	public static void main(String[] args) {
		SpringApplication.run(HelpBoardApplication.class, args);
	}

}
