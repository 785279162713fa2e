using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Google and Teams signed-in bot accounts (§2.7), and the account leases create_bot takes from them.</summary>
internal sealed partial class SimulatorEngine
{
    private const int GoogleSessionsPerLogin = 20;
    private readonly Dictionary<string, SimLoginDomain> _googleDomains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimLogin> _googleLogins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimLoginDomain> _teamsDomains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimLogin> _teamsLogins = new(StringComparer.Ordinal);

    // ---- Google ----

    public ApiResult CreateGoogleDomain(ApiCall call)
    {
        var body = call.Body();
        var domain = (Json.Str(body, "sso_workspace_domain") ?? Json.Str(body, "name"))?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(domain))
        {
            throw ApiError.BadRequest("sso_workspace_domain (or name) is required: the Google Workspace domain, e.g. example.com");
        }

        var mode = LoginModeOf(body, ["always", "if_required"]) ?? "always";
        if (_googleDomains.ContainsKey(domain))
        {
            throw ApiError.Conflict($"The Google login domain '{domain}' is already registered");
        }

        var created = new SimLoginDomain { Domain = domain, Name = Json.Str(body, "name") ?? domain, LoginMode = mode, UserId = Json.Str(body, "user_id"), CreatedAt = Now, UpdatedAt = Now };
        _googleDomains[domain] = created;
        return ApiResult.Created(GoogleDomainBody(created));
    }

    public ApiResult ListGoogleDomains(ApiCall call) =>
        ApiResult.Ok(new JsonObject { ["domains"] = Json.Array(_googleDomains.Values.OrderBy(d => d.CreatedAt).Select(d => (JsonNode?)GoogleDomainBody(d))) });

    public ApiResult GetGoogleDomain(ApiCall call) => ApiResult.Ok(GoogleDomainBody(FindDomain(_googleDomains, call, "Google")));

    public ApiResult UpdateGoogleDomain(ApiCall call)
    {
        var domain = FindDomain(_googleDomains, call, "Google");
        var body = call.Body();
        domain.Name = Json.Str(body, "name") ?? domain.Name;
        domain.LoginMode = LoginModeOf(body, ["always", "if_required"]) ?? domain.LoginMode;
        domain.UpdatedAt = Now;
        return ApiResult.Ok(new JsonObject { ["success"] = true, ["domain"] = GoogleDomainBody(domain) });
    }

    public ApiResult DeleteGoogleDomain(ApiCall call)
    {
        var domain = FindDomain(_googleDomains, call, "Google");
        _googleDomains.Remove(domain.Domain);
        foreach (var login in _googleLogins.Values.Where(l => l.Domain == domain.Domain).ToArray())
        {
            _googleLogins.Remove(login.Id);
        }

        return ApiResult.NoContent();
    }

    public ApiResult CreateGoogleLogin(ApiCall call)
    {
        var body = call.Body();
        var domain = Json.RequiredStr(body, "domain", "the registered Google Workspace domain").Trim().ToLowerInvariant();
        var email = Json.RequiredStr(body, "email", "the bot account's email").Trim();
        Json.RequiredStr(body, "sso_private_key_pem", "the SSO private key (PEM)");
        Json.RequiredStr(body, "sso_cert_pem", "the SSO certificate (PEM)");
        if (!_googleDomains.ContainsKey(domain))
        {
            throw ApiError.NotFound($"The Google login domain '{domain}' is not registered; create it with POST /google-login-domains");
        }

        if (_googleLogins.Values.Any(l => l.Domain == domain && string.Equals(l.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiError.Conflict($"A Google login for '{email}' already exists");
        }

        var login = new SimLogin { Id = NewId(), Domain = domain, Email = email, IsActive = Json.Bool(body, "is_active") ?? true, CreatedAt = Now, UpdatedAt = Now };
        _googleLogins[login.Id] = login;
        return ApiResult.Created(GoogleLoginBody(login));
    }

    public ApiResult ListGoogleLogins(ApiCall call)
    {
        var domain = call.Query("domain")?.Trim().ToLowerInvariant();
        if (domain is not null && !_googleDomains.ContainsKey(domain))
        {
            throw ApiError.NotFound($"The Google login domain '{domain}' is not registered");
        }

        var logins = _googleLogins.Values.Where(l => domain is null || l.Domain == domain).OrderBy(l => l.CreatedAt);
        return ApiResult.Ok(new JsonObject { ["logins"] = Json.Array(logins.Select(l => (JsonNode?)GoogleLoginBody(l))) });
    }

    public ApiResult UpdateGoogleLogin(ApiCall call)
    {
        var login = FindLogin(_googleLogins, call, "Google");
        var body = call.Body();
        Json.Str(body, "domain");
        Json.Str(body, "sso_private_key_pem");
        Json.Str(body, "sso_cert_pem");
        login.IsActive = Json.Bool(body, "is_active") ?? login.IsActive;
        login.UpdatedAt = Now;
        return ApiResult.Ok(GoogleLoginBody(login));
    }

    public ApiResult DeleteGoogleLogin(ApiCall call)
    {
        var login = FindLogin(_googleLogins, call, "Google");
        _googleLogins.Remove(login.Id);
        return ApiResult.NoContent();
    }

    // ---- Teams ----

    public ApiResult CreateTeamsDomain(ApiCall call)
    {
        var body = call.Body();
        var domain = Json.RequiredStr(body, "domain", "the Microsoft 365 tenant domain, e.g. contoso.onmicrosoft.com").Trim().ToLowerInvariant();
        var mode = LoginModeOf(body, ["always"]) ?? "always";
        if (_teamsDomains.ContainsKey(domain))
        {
            throw ApiError.Conflict($"The Teams login domain '{domain}' is already registered");
        }

        var created = new SimLoginDomain { Domain = domain, Name = Json.Str(body, "name") ?? domain, LoginMode = mode, CreatedAt = Now, UpdatedAt = Now };
        _teamsDomains[domain] = created;
        return ApiResult.Created(TeamsDomainBody(created));
    }

    public ApiResult ListTeamsDomains(ApiCall call) =>
        ApiResult.Ok(new JsonObject { ["domains"] = Json.Array(_teamsDomains.Values.OrderBy(d => d.CreatedAt).Select(d => (JsonNode?)TeamsDomainBody(d))) });

    public ApiResult GetTeamsDomain(ApiCall call) => ApiResult.Ok(TeamsDomainBody(FindDomain(_teamsDomains, call, "Teams")));

    public ApiResult UpdateTeamsDomain(ApiCall call)
    {
        var domain = FindDomain(_teamsDomains, call, "Teams");
        var body = call.Body();
        domain.Name = Json.Str(body, "name") ?? domain.Name;
        domain.LoginMode = LoginModeOf(body, ["always"]) ?? domain.LoginMode;
        domain.UpdatedAt = Now;
        return ApiResult.Ok(TeamsDomainBody(domain));
    }

    public ApiResult DeleteTeamsDomain(ApiCall call)
    {
        var domain = FindDomain(_teamsDomains, call, "Teams");
        _teamsDomains.Remove(domain.Domain);
        foreach (var login in _teamsLogins.Values.Where(l => l.Domain == domain.Domain).ToArray())
        {
            _teamsLogins.Remove(login.Id);
        }

        return ApiResult.NoContent();
    }

    public ApiResult CreateTeamsLogin(ApiCall call)
    {
        var body = call.Body();
        var domain = Json.RequiredStr(body, "domain", "the registered Teams login domain").Trim().ToLowerInvariant();
        var email = Json.RequiredStr(body, "email", "the Microsoft 365 account").Trim();
        Json.RequiredStr(body, "password", "the account's password (write-only)");
        if (!_teamsDomains.ContainsKey(domain))
        {
            throw ApiError.NotFound($"The Teams login domain '{domain}' is not registered; create it with POST /teams-login-domains");
        }

        if (_teamsLogins.Values.Any(l => string.Equals(l.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiError.Conflict($"A Teams login for '{email}' already exists");
        }

        var login = new SimLogin { Id = NewId(), Domain = domain, Email = email, IsActive = Json.Bool(body, "is_active") ?? true, CreatedAt = Now, UpdatedAt = Now };
        _teamsLogins[login.Id] = login;
        return ApiResult.Created(TeamsLoginBody(login));
    }

    public ApiResult ListTeamsLogins(ApiCall call)
    {
        var domain = call.Query("domain")?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(domain))
        {
            throw ApiError.BadRequest("The domain query parameter is required: GET /teams-logins?domain=<domain>");
        }

        if (!_teamsDomains.ContainsKey(domain))
        {
            throw ApiError.NotFound($"The Teams login domain '{domain}' is not registered");
        }

        return ApiResult.Ok(new JsonObject { ["logins"] = Json.Array(_teamsLogins.Values.Where(l => l.Domain == domain).OrderBy(l => l.CreatedAt).Select(l => (JsonNode?)TeamsLoginBody(l))) });
    }

    public ApiResult GetTeamsLogin(ApiCall call) => ApiResult.Ok(TeamsLoginBody(FindLogin(_teamsLogins, call, "Teams")));

    public ApiResult UpdateTeamsLogin(ApiCall call)
    {
        var login = FindLogin(_teamsLogins, call, "Teams");
        var body = call.Body();
        if (Json.Str(body, "password") is { Length: > 0 })
        {
            login.IsActive = true;
            login.LastLoginError = null;
        }

        login.IsActive = Json.Bool(body, "is_active") ?? login.IsActive;
        login.UpdatedAt = Now;
        return ApiResult.Ok(TeamsLoginBody(login));
    }

    public ApiResult DeleteTeamsLogin(ApiCall call)
    {
        var login = FindLogin(_teamsLogins, call, "Teams");
        _teamsLogins.Remove(login.Id);
        return ApiResult.NoContent();
    }

    // ---- leases taken by create_bot ----

    private (string? Google, string? Teams) ReserveLogin(CreateBotParser parsed)
    {
        if (parsed.GoogleLoginDomain is { } googleDomain)
        {
            var key = googleDomain.Trim().ToLowerInvariant();
            if (!_googleDomains.ContainsKey(key))
            {
                throw ApiError.BadRequest($"google_meet.google_login_domain '{googleDomain}' is not registered; create it with POST /google-login-domains");
            }

            var pool = _googleLogins.Values.Where(l => l.Domain == key && l.IsActive).ToList();
            return (PickLogin(pool, parsed, GoogleSessionsPerLogin, "Google", googleDomain), null);
        }

        if (parsed.TeamsLoginDomain is { } teamsDomain)
        {
            var key = teamsDomain.Trim().ToLowerInvariant();
            if (!_teamsDomains.ContainsKey(key))
            {
                throw ApiError.BadRequest($"teams.teams_login_domain '{teamsDomain}' is not registered; create it with POST /teams-login-domains");
            }

            var pool = _teamsLogins.Values.Where(l => l.Domain == key && l.IsActive).ToList();
            return (null, PickLogin(pool, parsed, 1, "Teams", teamsDomain));
        }

        return (null, null);
    }

    private static string PickLogin(List<SimLogin> pool, CreateBotParser parsed, int perLogin, string kind, string domain)
    {
        if (parsed.SignInEmail is { } email)
        {
            var pinned = pool.FirstOrDefault(l => string.Equals(l.Email, email, StringComparison.OrdinalIgnoreCase));
            if (pinned is null && parsed.StrictEmail)
            {
                throw ApiError.BadRequest($"sign_in_email '{email}' is not an active {kind} login of '{domain}'");
            }

            if (pinned is not null && pinned.Sessions.Count < perLogin)
            {
                return pinned.Id;
            }

            if (pinned is not null && parsed.StrictEmail)
            {
                throw ApiError.Conflict($"The {kind} account '{email}' is busy in another meeting");
            }
        }

        var free = pool.OrderBy(l => l.Sessions.Count).FirstOrDefault(l => l.Sessions.Count < perLogin);
        if (free is null)
        {
            throw new ApiError(429, pool.Count == 0 ? $"No active {kind} logins in '{domain}'" : $"All {kind} accounts of '{domain}' are busy; try again when a meeting ends");
        }

        return free.Id;
    }

    private void AttachLogin(SimBot bot)
    {
        if (bot.GoogleLoginId is { } google && _googleLogins.TryGetValue(google, out var g))
        {
            g.Sessions.Add(bot.Id);
        }

        if (bot.TeamsLoginId is { } teams && _teamsLogins.TryGetValue(teams, out var t))
        {
            t.Sessions.Add(bot.Id);
            bot.BotName = t.Email;
        }
    }

    private void ReleaseLogin(SimBot bot)
    {
        foreach (var id in new[] { bot.GoogleLoginId, bot.TeamsLoginId })
        {
            if (id is not null && (_googleLogins.TryGetValue(id, out var login) || _teamsLogins.TryGetValue(id, out login)))
            {
                login.Sessions.Remove(bot.Id);
                login.LastSessionResult = bot.StopReason is "bot.stopped" or "bot.kicked" ? "completed" : "failed";
            }
        }
    }

    // ---- shapes ----

    private JsonObject GoogleDomainBody(SimLoginDomain domain)
    {
        var logins = _googleLogins.Values.Where(l => l.Domain == domain.Domain).OrderBy(l => l.CreatedAt).ToList();
        return new JsonObject
        {
            ["sso_workspace_domain"] = domain.Domain,
            ["name"] = domain.Name,
            ["login_mode"] = domain.LoginMode,
            ["max_concurrent_per_login"] = GoogleSessionsPerLogin,
            ["login_count"] = logins.Count,
            ["active_login_count"] = logins.Count(l => l.IsActive),
            ["logins"] = Json.Array(logins.Select(l => (JsonNode?)GoogleLoginBody(l))),
            ["created_at"] = Json.Iso(domain.CreatedAt),
            ["updated_at"] = Json.Iso(domain.UpdatedAt),
        };
    }

    private static JsonObject GoogleLoginBody(SimLogin login) => new()
    {
        ["login_id"] = login.Id,
        ["email"] = login.Email,
        ["is_active"] = login.IsActive,
        ["active_sessions"] = login.Sessions.Count,
        ["last_test_status"] = "passed",
        ["last_tested_at"] = Json.Iso(login.UpdatedAt),
    };

    private JsonObject TeamsDomainBody(SimLoginDomain domain)
    {
        var logins = _teamsLogins.Values.Where(l => l.Domain == domain.Domain).OrderBy(l => l.CreatedAt).ToList();
        return new JsonObject
        {
            ["domain"] = domain.Domain,
            ["name"] = domain.Name,
            ["login_mode"] = domain.LoginMode,
            ["login_count"] = logins.Count,
            ["active_login_count"] = logins.Count(l => l.IsActive),
            ["logins"] = Json.Array(logins.Select(l => (JsonNode?)TeamsLoginBody(l))),
            ["created_at"] = Json.Iso(domain.CreatedAt),
            ["updated_at"] = Json.Iso(domain.UpdatedAt),
        };
    }

    private static JsonObject TeamsLoginBody(SimLogin login) => new()
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

    private static string? LoginModeOf(JsonObject body, string[] allowed)
    {
        var mode = Json.Str(body, "login_mode");
        if (mode is not null && !allowed.Contains(mode, StringComparer.Ordinal))
        {
            throw ApiError.BadRequest($"login_mode must be {string.Join(" or ", allowed)}; got '{mode}'");
        }

        return mode;
    }

    private static SimLoginDomain FindDomain(Dictionary<string, SimLoginDomain> domains, ApiCall call, string kind)
    {
        var name = call.PathValue("domain");
        return domains.TryGetValue(name.Trim(), out var domain) ? domain : throw ApiError.NotFound($"{kind} login domain '{name}' not found");
    }

    private static SimLogin FindLogin(Dictionary<string, SimLogin> logins, ApiCall call, string kind)
    {
        var id = call.PathValue("login_id");
        return logins.TryGetValue(id, out var login) ? login : throw ApiError.NotFound($"{kind} login '{id}' not found");
    }
}
