using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// The registered domains and signed-in accounts of one kind (Google Workspace or Microsoft 365), and how many
/// meetings one account may be in at once. Read and changed under the engine's lock.
/// </summary>
internal sealed class LoginPool(string kind, int sessionsPerLogin)
{
    private readonly Dictionary<string, SimLoginDomain> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimLogin> _logins = new(StringComparer.Ordinal);

    /// <summary>"Google" or "Teams", as error messages name it.</summary>
    public string Kind => kind;

    public IEnumerable<SimLoginDomain> Domains => _domains.Values.OrderBy(d => d.CreatedAt);

    public IEnumerable<SimLogin> Logins => _logins.Values;

    public bool HasDomain(string domain) => _domains.ContainsKey(domain);

    public void AddDomain(SimLoginDomain domain) => _domains[domain.Domain] = domain;

    /// <summary>The domain named by the route's <c>{domain}</c>; 404 when it is not registered.</summary>
    public SimLoginDomain FindDomain(ApiCall call)
    {
        var name = call.PathValue("domain");
        return _domains.TryGetValue(name.Trim(), out var domain) ? domain : throw ApiError.NotFound($"{kind} login domain '{name}' not found");
    }

    /// <summary>Unregisters a domain and deletes its accounts.</summary>
    public void RemoveDomain(SimLoginDomain domain)
    {
        _domains.Remove(domain.Domain);
        foreach (var login in _logins.Values.Where(l => l.Domain == domain.Domain).ToArray())
        {
            _logins.Remove(login.Id);
        }
    }

    /// <summary>The accounts of a domain, oldest first.</summary>
    public IEnumerable<SimLogin> LoginsOf(string domain) => _logins.Values.Where(l => l.Domain == domain).OrderBy(l => l.CreatedAt);

    public SimLogin? Find(string loginId) => _logins.TryGetValue(loginId, out var login) ? login : null;

    /// <summary>The account named by the route's <c>{login_id}</c>; 404 when there is none.</summary>
    public SimLogin Find(ApiCall call)
    {
        var id = call.PathValue("login_id");
        return Find(id) ?? throw ApiError.NotFound($"{kind} login '{id}' not found");
    }

    public void Add(SimLogin login) => _logins[login.Id] = login;

    public void Remove(SimLogin login) => _logins.Remove(login.Id);

    /// <summary>Picks a free active account of a registered domain for a new bot: the pinned sign_in_email if it is free, else the least busy.</summary>
    public string Pick(string key, CreateBotParser parsed, string domain)
    {
        var pool = _logins.Values.Where(l => l.Domain == key && l.IsActive).ToList();
        if (parsed.SignInEmail is { } email)
        {
            var pinned = pool.FirstOrDefault(l => string.Equals(l.Email, email, StringComparison.OrdinalIgnoreCase));
            if (pinned is null && parsed.StrictEmail)
            {
                throw ApiError.BadRequest($"sign_in_email '{email}' is not an active {kind} login of '{domain}'");
            }

            if (pinned is not null && pinned.Sessions.Count < sessionsPerLogin)
            {
                return pinned.Id;
            }

            if (pinned is not null && parsed.StrictEmail)
            {
                throw ApiError.Conflict($"The {kind} account '{email}' is busy in another meeting");
            }
        }

        var free = pool.OrderBy(l => l.Sessions.Count).FirstOrDefault(l => l.Sessions.Count < sessionsPerLogin);
        if (free is null)
        {
            throw new ApiError(429, pool.Count == 0 ? $"No active {kind} logins in '{domain}'" : $"All {kind} accounts of '{domain}' are busy; try again when a meeting ends");
        }

        return free.Id;
    }

    /// <summary>
    /// A domain as the API returns it: the domain under <paramref name="domainField"/>, name, login_mode, the
    /// per-account session limit (Google only), the account counts, the accounts themselves and the timestamps.
    /// </summary>
    public JsonObject DomainBody(SimLoginDomain domain, string domainField, bool withSessionLimit, Func<SimLogin, JsonObject> loginBody)
    {
        var logins = LoginsOf(domain.Domain).ToList();
        var body = new JsonObject
        {
            [domainField] = domain.Domain,
            ["name"] = domain.Name,
            ["login_mode"] = domain.LoginMode,
        };
        if (withSessionLimit)
        {
            body["max_concurrent_per_login"] = sessionsPerLogin;
        }

        body["login_count"] = logins.Count;
        body["active_login_count"] = logins.Count(l => l.IsActive);
        body["logins"] = Json.Array(logins.Select(l => (JsonNode?)loginBody(l)));
        body["created_at"] = Json.Iso(domain.CreatedAt);
        body["updated_at"] = Json.Iso(domain.UpdatedAt);
        return body;
    }

    /// <summary>The login_mode of a create/update body, if given; 400 when it is not one of <paramref name="allowed"/>.</summary>
    public static string? ModeOf(JsonObject body, string[] allowed)
    {
        var mode = Json.Str(body, "login_mode");
        if (mode is not null && !allowed.Contains(mode, StringComparer.Ordinal))
        {
            throw ApiError.BadRequest($"login_mode must be {string.Join(" or ", allowed)}; got '{mode}'");
        }

        return mode;
    }
}
