package com.helpboard.system.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrying failed event listeners (README "Configuration").
 *
 * @param resubmitAfter a publication still incomplete after this long is resubmitted
 * ({@code helpboard.events.resubmit-after}, default 5 minutes)
 */
@ConfigurationProperties("helpboard.events")
record EventSettings(@DefaultValue("PT5M") Duration resubmitAfter) {

}
