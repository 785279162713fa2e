using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Teams signed-in bot domains and accounts (§2.7): the <c>/teams-login-domains</c> and <c>/teams-logins</c> routes.</summary>
internal sealed class TeamsLoginRoutes(LoginPool teams, SimulatorClock clock)
{
    public ApiResult CreateDomain(ApiCall call)
    {
        var body = call.Body();
        var domain = Json.RequiredStr(body, "domain", "the Microsoft 365 tenant domain, e.g. contoso.onmicrosoft.com").Trim().ToLowerInvariant();
        var mode = LoginPool.ModeOf(body, ["always"]) ?? "always";
        if (teams.HasDomain(domain))
        {
            throw ApiError.Conflict($"The Teams login domain '{domain}' is already registered");
        }

        var now = clock.UtcNow;
        var created = new SimLoginDomain { Domain = domain, Name = Json.Str(body, "name") ?? domain, LoginMode = mode, CreatedAt = now, UpdatedAt = now };
        teams.AddDomain(created);
        return ApiResult.Created(DomainBody(created));
    }

    public ApiResult ListDomains(ApiCall call) =>
        ApiResult.Ok(new JsonObject { ["domains"] = Json.Array(teams.Domains.Select(d => (JsonNode?)DomainBody(d))) });

    public ApiResult GetDomain(ApiCall call) => ApiResult.Ok(DomainBody(teams.FindDomain(call)));

    public ApiResult UpdateDomain(ApiCall call)
    {
        var domain = teams.FindDomain(call);
        var body = call.Body();
        domain.Name = Json.Str(body, "name") ?? domain.Name;
        domain.LoginMode = LoginPool.ModeOf(body, ["always"]) ?? domain.LoginMode;
        domain.UpdatedAt = clock.UtcNow;
        return ApiResult.Ok(DomainBody(domain));
    }

    public ApiResult DeleteDomain(ApiCall call)
    {
        teams.RemoveDomain(teams.FindDomain(call));
        return ApiResult.NoContent();
    }

    public ApiResult CreateLogin(ApiCall call)
    {
        var body = call.Body();
        var domain = Json.RequiredStr(body, "domain", "the registered Teams login domain").Trim().ToLowerInvariant();
        var email = Json.RequiredStr(body, "email", "the Microsoft 365 account").Trim();
        Json.RequiredStr(body, "password", "the account's password (write-only)");
        if (!teams.HasDomain(domain))
        {
            throw ApiError.NotFound($"The Teams login domain '{domain}' is not registered; create it with POST /teams-login-domains");
        }

        // Unlike Google (unique per domain), a Microsoft 365 account is unique across every Teams domain.
        if (teams.Logins.Any(l => string.Equals(l.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiError.Conflict($"A Teams login for '{email}' already exists");
        }

        var now = clock.UtcNow;
        var login = new SimLogin { Id = SimulatorIds.NewId(), Domain = domain, Email = email, IsActive = Json.Bool(body, "is_active") ?? true, CreatedAt = now, UpdatedAt = now };
        teams.Add(login);
        return ApiResult.Created(LoginBody(login));
    }

    public ApiResult ListLogins(ApiCall call)
    {
        var domain = call.Query("domain")?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(domain))
        {
            throw ApiError.BadRequest("The domain query parameter is required: GET /teams-logins?domain=<domain>");
        }

        if (!teams.HasDomain(domain))
        {
            throw ApiError.NotFound($"The Teams login domain '{domain}' is not registered");
        }

        return ApiResult.Ok(new JsonObject { ["logins"] = Json.Array(teams.LoginsOf(domain).Select(l => (JsonNode?)LoginBody(l))) });
    }

    public ApiResult GetLogin(ApiCall call) => ApiResult.Ok(LoginBody(teams.Find(call)));

    public ApiResult UpdateLogin(ApiCall call)
    {
        var login = teams.Find(call);
        var body = call.Body();
        if (Json.Str(body, "password") is { Length: > 0 })
        {
            login.IsActive = true;
            login.LastLoginError = null;
        }

        login.IsActive = Json.Bool(body, "is_active") ?? login.IsActive;
        login.UpdatedAt = clock.UtcNow;
        return ApiResult.Ok(LoginBody(login));
    }

    public ApiResult DeleteLogin(ApiCall call)
    {
        teams.Remove(teams.Find(call));
        return ApiResult.NoContent();
    }

    private JsonObject DomainBody(SimLoginDomain domain) => teams.DomainBody(domain, "domain", withSessionLimit: false, LoginBody);

    private static JsonObject LoginBody(SimLogin login) => new()
    {
        ["login_id"] = login.Id,
        ["domain"] = login.Domain,
        ["email"] = login.Email,
        ["is_active"] = login.IsActive,
        ["lease_status"] = login.Sessions.Count > 0 ? "leased" : "available",
        ["last_session_result"] = login.LastSessionResult ?? "none",
        ["last_login_error"] = login.LastLoginError ?? string.Empty,
        ["created_at"] = Json.Iso(login.CreatedAt),
        ["updated_at"] = Json.Iso(login.UpdatedAt),
    };
}
