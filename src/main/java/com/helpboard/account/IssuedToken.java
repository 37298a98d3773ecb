package com.helpboard.account;

import java.time.Instant;

/** A new API token; {@code token} is shown this once and only its hash is kept. */
public record IssuedToken(long id, String token, String name, Instant createdAt) implements java.io.Serializable {

}
