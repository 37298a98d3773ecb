/**
 * Members: registration, login, profile and the API's personal access tokens. Its facade
 * is {@link com.helpboard.account.Accounts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = { "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.account;
