using MeetStream.Client.Http;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="ITeamsLoginsClient"/>.</summary>
internal sealed class TeamsLoginsClient : ITeamsLoginsClient
{
    private readonly MeetStreamTransport _transport;

    public TeamsLoginsClient(MeetStreamTransport transport) => _transport = transport;

    /// <inheritdoc />
    public async Task<TeamsLoginDomain> CreateDomainAsync(CreateTeamsLoginDomainRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        var api = ApiRequest.Post("/teams-login-domains").WithJson(request, MeetStreamJsonContext.Default.CreateTeamsLoginDomainRequest);
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.TeamsLoginDomain, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<TeamsLoginDomainList> ListDomainsAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync(ApiRequest.Get("/teams-login-domains"), MeetStreamJsonContext.Default.TeamsLoginDomainList, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    public async Task<TeamsLoginDomain> GetDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get("/teams-login-domains/{domain}").WithPath("domain", domain, nameof(domain));
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.TeamsLoginDomain, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<TeamsLoginDomain> UpdateDomainAsync(string domain, UpdateTeamsLoginDomainRequest request, CancellationToken cancellationToken = default)
    {
        var api = ApiRequest.Patch("/teams-login-domains/{domain}").WithPath("domain", domain, nameof(domain));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        api.WithJson(request, MeetStreamJsonContext.Default.UpdateTeamsLoginDomainRequest).AsIdempotent();
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.TeamsLoginDomain, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public Task DeleteDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Delete("/teams-login-domains/{domain}").WithPath("domain", domain, nameof(domain));
        return _transport.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TeamsLogin> CreateAsync(CreateTeamsLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        var api = ApiRequest.Post("/teams-logins").WithJson(request, MeetStreamJsonContext.Default.CreateTeamsLoginRequest);
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.TeamsLogin, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<TeamsLoginList> ListAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain, nameof(domain));
        if (string.IsNullOrWhiteSpace(domain))
        {
            throw new ArgumentException("domain is required by GET /teams-logins and must not be empty or white space; list domains with ListDomainsAsync.", nameof(domain));
        }

        var request = ApiRequest.Get("/teams-logins").WithQuery("domain", domain);
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.TeamsLoginList, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<TeamsLogin> GetAsync(string loginId, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get("/teams-logins/{login_id}").WithPath("login_id", loginId, nameof(loginId));
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.TeamsLogin, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<TeamsLogin> UpdateAsync(string loginId, UpdateTeamsLoginRequest request, CancellationToken cancellationToken = default)
    {
        var api = ApiRequest.Patch("/teams-logins/{login_id}").WithPath("login_id", loginId, nameof(loginId));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        api.WithJson(request, MeetStreamJsonContext.Default.UpdateTeamsLoginRequest).AsIdempotent();
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.TeamsLogin, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string loginId, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Delete("/teams-logins/{login_id}").WithPath("login_id", loginId, nameof(loginId));
        return _transport.SendAsync(request, cancellationToken);
    }
}
