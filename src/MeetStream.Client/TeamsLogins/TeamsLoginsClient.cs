using MeetStream.Client.Http;
using MeetStream.Client.Routes;
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
        return (await _transport.SendAsync(new RouteCall(TeamsLoginsRoutes.CreateDomain), request, static (routes, request, ct) => routes.TeamsLogins.CreateDomain(request, TeamsLoginsRoutes.CreateDomain.Policy, ct), MeetStreamJsonContext.Default.TeamsLoginDomain, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<TeamsLoginDomainList> ListDomainsAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync(new RouteCall(TeamsLoginsRoutes.ListDomains), 0, static (routes, _, ct) => routes.TeamsLogins.ListDomains(TeamsLoginsRoutes.ListDomains.Policy, ct), MeetStreamJsonContext.Default.TeamsLoginDomainList, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    public Task<TeamsLoginDomain> GetDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(domain, nameof(domain));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(TeamsLoginsRoutes.GetDomain, domain), domain, static (routes, domain, ct) => routes.TeamsLogins.GetDomain(domain, TeamsLoginsRoutes.GetDomain.Policy, ct), MeetStreamJsonContext.Default.TeamsLoginDomain, cancellationToken));
    }

    /// <inheritdoc />
    public Task<TeamsLoginDomain> UpdateDomainAsync(string domain, UpdateTeamsLoginDomainRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(domain, nameof(domain));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(TeamsLoginsRoutes.UpdateDomain, domain), (domain, request), static (routes, state, ct) => routes.TeamsLogins.UpdateDomain(state.domain, state.request, TeamsLoginsRoutes.UpdateDomain.Policy, ct), MeetStreamJsonContext.Default.TeamsLoginDomain, cancellationToken));
    }

    /// <inheritdoc />
    public Task DeleteDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(domain, nameof(domain));
        return _transport.SendAsync(new RouteCall(TeamsLoginsRoutes.DeleteDomain, domain), domain, static (routes, domain, ct) => routes.TeamsLogins.DeleteDomain(domain, TeamsLoginsRoutes.DeleteDomain.Policy, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TeamsLogin> CreateAsync(CreateTeamsLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return (await _transport.SendAsync(new RouteCall(TeamsLoginsRoutes.CreateLogin), request, static (routes, request, ct) => routes.TeamsLogins.CreateLogin(request, TeamsLoginsRoutes.CreateLogin.Policy, ct), MeetStreamJsonContext.Default.TeamsLogin, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<TeamsLoginList> ListAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain, nameof(domain));
        if (string.IsNullOrWhiteSpace(domain))
        {
            throw new ArgumentException("domain is required by GET /teams-logins and must not be empty or white space; list domains with ListDomainsAsync.", nameof(domain));
        }

        return (await _transport.SendAsync(new RouteCall(TeamsLoginsRoutes.ListLogins), domain, static (routes, domain, ct) => routes.TeamsLogins.ListLogins(domain, TeamsLoginsRoutes.ListLogins.Policy, ct), MeetStreamJsonContext.Default.TeamsLoginList, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public Task<TeamsLogin> GetAsync(string loginId, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(loginId, nameof(loginId));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(TeamsLoginsRoutes.GetLogin, loginId), loginId, static (routes, id, ct) => routes.TeamsLogins.GetLogin(id, TeamsLoginsRoutes.GetLogin.Policy, ct), MeetStreamJsonContext.Default.TeamsLogin, cancellationToken));
    }

    /// <inheritdoc />
    public Task<TeamsLogin> UpdateAsync(string loginId, UpdateTeamsLoginRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(loginId, nameof(loginId));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(TeamsLoginsRoutes.UpdateLogin, loginId), (loginId, request), static (routes, state, ct) => routes.TeamsLogins.UpdateLogin(state.loginId, state.request, TeamsLoginsRoutes.UpdateLogin.Policy, ct), MeetStreamJsonContext.Default.TeamsLogin, cancellationToken));
    }

    /// <inheritdoc />
    public Task DeleteAsync(string loginId, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(loginId, nameof(loginId));
        return _transport.SendAsync(new RouteCall(TeamsLoginsRoutes.DeleteLogin, loginId), loginId, static (routes, id, ct) => routes.TeamsLogins.DeleteLogin(id, TeamsLoginsRoutes.DeleteLogin.Policy, ct), cancellationToken);
    }

}
