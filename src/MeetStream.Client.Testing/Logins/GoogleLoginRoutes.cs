using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Google signed-in bot domains and accounts (§2.7): the <c>/google-login-domains</c> and <c>/google-logins</c> routes.</summary>
internal sealed class GoogleLoginRoutes(LoginPool google, SimulatorClock clock)
{
    public ApiResult CreateDomain(ApiCall call)
    {
        var body = call.Body();
        var domain = (Json.Str(body, "sso_workspace_domain") ?? Json.Str(body, "name"))?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(domain))
        {
            throw ApiError.BadRequest("sso_workspace_domain (or name) is required: the Google Workspace domain, e.g. example.com");
        }

        var mode = LoginPool.ModeOf(body, ["always", "if_required"]) ?? "always";
        if (google.HasDomain(domain))
        {
            throw ApiError.Conflict($"The Google login domain '{domain}' is already registered");
        }

        var now = clock.UtcNow;
        var created = new SimLoginDomain { Domain = domain, Name = Json.Str(body, "name") ?? domain, LoginMode = mode, UserId = Json.Str(body, "user_id"), CreatedAt = now, UpdatedAt = now };
        google.AddDomain(created);
        return ApiResult.Created(DomainBody(created));
    }

    public ApiResult ListDomains(ApiCall call) =>
        ApiResult.Ok(new JsonObject { ["domains"] = Json.Array(google.Domains.Select(d => (JsonNode?)DomainBody(d))) });

    public ApiResult GetDomain(ApiCall call) => ApiResult.Ok(DomainBody(google.FindDomain(call)));

    public ApiResult UpdateDomain(ApiCall call)
    {
        var domain = google.FindDomain(call);
        var body = call.Body();
        domain.Name = Json.Str(body, "name") ?? domain.Name;
        domain.LoginMode = LoginPool.ModeOf(body, ["always", "if_required"]) ?? domain.LoginMode;
        domain.UpdatedAt = clock.UtcNow;
        return ApiResult.Ok(new JsonObject { ["success"] = true, ["domain"] = DomainBody(domain) });
    }

    public ApiResult DeleteDomain(ApiCall call)
    {
        google.RemoveDomain(google.FindDomain(call));
        return ApiResult.NoContent();
    }

    public ApiResult CreateLogin(ApiCall call)
    {
        var body = call.Body();
        var domain = Json.RequiredStr(body, "domain", "the registered Google Workspace domain").Trim().ToLowerInvariant();
        var email = Json.RequiredStr(body, "email", "the bot account's email").Trim();
        Json.RequiredStr(body, "sso_private_key_pem", "the SSO private key (PEM)");
        Json.RequiredStr(body, "sso_cert_pem", "the SSO certificate (PEM)");
        if (!google.HasDomain(domain))
        {
            throw ApiError.NotFound($"The Google login domain '{domain}' is not registered; create it with POST /google-login-domains");
        }

        if (google.Logins.Any(l => l.Domain == domain && string.Equals(l.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiError.Conflict($"A Google login for '{email}' already exists");
        }

        var now = clock.UtcNow;
        var login = new SimLogin { Id = SimulatorIds.NewId(), Domain = domain, Email = email, IsActive = Json.Bool(body, "is_active") ?? true, CreatedAt = now, UpdatedAt = now };
        google.Add(login);
        return ApiResult.Created(LoginBody(login));
    }

    public ApiResult ListLogins(ApiCall call)
    {
        var domain = call.Query("domain")?.Trim().ToLowerInvariant();
        if (domain is not null && !google.HasDomain(domain))
        {
            throw ApiError.NotFound($"The Google login domain '{domain}' is not registered");
        }

        var logins = google.Logins.Where(l => domain is null || l.Domain == domain).OrderBy(l => l.CreatedAt);
        return ApiResult.Ok(new JsonObject { ["logins"] = Json.Array(logins.Select(l => (JsonNode?)LoginBody(l))) });
    }

    public ApiResult UpdateLogin(ApiCall call)
    {
        var login = google.Find(call);
        var body = call.Body();
        Json.Str(body, "domain");
        Json.Str(body, "sso_private_key_pem");
        Json.Str(body, "sso_cert_pem");
        login.IsActive = Json.Bool(body, "is_active") ?? login.IsActive;
        login.UpdatedAt = clock.UtcNow;
        return ApiResult.Ok(LoginBody(login));
    }

    public ApiResult DeleteLogin(ApiCall call)
    {
        google.Remove(google.Find(call));
        return ApiResult.NoContent();
    }

    private JsonObject DomainBody(SimLoginDomain domain) => google.DomainBody(domain, "sso_workspace_domain", withSessionLimit: true, LoginBody);

    private static JsonObject LoginBody(SimLogin login) => new()
    {
        ["login_id"] = login.Id,
        ["email"] = login.Email,
        ["is_active"] = login.IsActive,
        ["active_sessions"] = login.Sessions.Count,
        ["last_test_status"] = "passed",
        ["last_tested_at"] = Json.Iso(login.UpdatedAt),
    };
}
