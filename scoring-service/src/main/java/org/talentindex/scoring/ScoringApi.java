package org.talentindex.scoring;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.talentindex.security.ApiKeyAuthenticationMechanism;

/** The REST API as a whole: declares the API-key scheme that the protected operations of the OpenAPI document name. */
@SecurityScheme(securitySchemeName = ApiKeyAuthenticationMechanism.OPENAPI_SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = ApiKeyAuthenticationMechanism.HEADER,
        description = "A key of talentindex.security.api-keys; its client needs the operation's role")
public class ScoringApi extends Application {
}
