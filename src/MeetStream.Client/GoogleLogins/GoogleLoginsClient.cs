using MeetStream.Client.Http;
using MeetStream.Client.Routes;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="IGoogleLoginsClient"/>.</summary>
internal sealed class GoogleLoginsClient : IGoogleLoginsClient
{
    private readonly MeetStreamTransport _transport;

    public GoogleLoginsClient(MeetStreamTransport transport) => _transport = transport;

    /// <inheritdoc />
    public async Task<GoogleLoginDomain> CreateDomainAsync(CreateGoogleLoginDomainRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return (await _transport.SendAsync(new RouteCall(GoogleLoginsRoutes.CreateDomain), request, static (routes, request, ct) => routes.GoogleLogins.CreateDomain(request, GoogleLoginsRoutes.CreateDomain.Policy, ct), MeetStreamJsonContext.Default.GoogleLoginDomain, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<GoogleLoginDomainList> ListDomainsAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync(new RouteCall(GoogleLoginsRoutes.ListDomains), 0, static (routes, _, ct) => routes.GoogleLogins.ListDomains(GoogleLoginsRoutes.ListDomains.Policy, ct), MeetStreamJsonContext.Default.GoogleLoginDomainList, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    public Task<GoogleLoginDomain> GetDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(domain, nameof(domain));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(GoogleLoginsRoutes.GetDomain, domain), domain, static (routes, domain, ct) => routes.GoogleLogins.GetDomain(domain, GoogleLoginsRoutes.GetDomain.Policy, ct), MeetStreamJsonContext.Default.GoogleLoginDomain, cancellationToken));
    }

    /// <inheritdoc />
    public Task<UpdateGoogleLoginDomainResponse> UpdateDomainAsync(string domain, UpdateGoogleLoginDomainRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(domain, nameof(domain));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(GoogleLoginsRoutes.UpdateDomain, domain), (domain, request), static (routes, state, ct) => routes.GoogleLogins.UpdateDomain(state.domain, state.request, GoogleLoginsRoutes.UpdateDomain.Policy, ct), MeetStreamJsonContext.Default.UpdateGoogleLoginDomainResponse, cancellationToken));
    }

    /// <inheritdoc />
    public Task DeleteDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(domain, nameof(domain));
        return _transport.SendAsync(new RouteCall(GoogleLoginsRoutes.DeleteDomain, domain), domain, static (routes, domain, ct) => routes.GoogleLogins.DeleteDomain(domain, GoogleLoginsRoutes.DeleteDomain.Policy, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<GoogleLogin> CreateAsync(CreateGoogleLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return (await _transport.SendAsync(new RouteCall(GoogleLoginsRoutes.CreateLogin), request, static (routes, request, ct) => routes.GoogleLogins.CreateLogin(request, GoogleLoginsRoutes.CreateLogin.Policy, ct), MeetStreamJsonContext.Default.GoogleLogin, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<GoogleLoginList> ListAsync(string? domain = null, CancellationToken cancellationToken = default)
    {
        RequireOptional(domain, nameof(domain));
        return (await _transport.SendAsync(new RouteCall(GoogleLoginsRoutes.ListLogins), domain, static (routes, domain, ct) => routes.GoogleLogins.ListLogins(domain, GoogleLoginsRoutes.ListLogins.Policy, ct), MeetStreamJsonContext.Default.GoogleLoginList, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public Task<GoogleLogin> UpdateAsync(string loginId, UpdateGoogleLoginRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(loginId, nameof(loginId));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(GoogleLoginsRoutes.UpdateLogin, loginId), (loginId, request), static (routes, state, ct) => routes.GoogleLogins.UpdateLogin(state.loginId, state.request, GoogleLoginsRoutes.UpdateLogin.Policy, ct), MeetStreamJsonContext.Default.GoogleLogin, cancellationToken));
    }

    /// <inheritdoc />
    public Task DeleteAsync(string loginId, string? domain = null, CancellationToken cancellationToken = default)
    {
        RequireOptional(domain, nameof(domain));
        ApiRequest.RequireValue(loginId, nameof(loginId));
        return _transport.SendAsync(new RouteCall(GoogleLoginsRoutes.DeleteLogin, loginId), (loginId, domain), static (routes, state, ct) => routes.GoogleLogins.DeleteLogin(state.loginId, state.domain, GoogleLoginsRoutes.DeleteLogin.Policy, ct), cancellationToken);
    }

    private static void RequireOptional(string? value, string parameterName)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space when set; pass null to leave it out.", parameterName);
        }
    }

}
