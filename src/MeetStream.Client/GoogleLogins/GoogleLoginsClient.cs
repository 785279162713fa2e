using MeetStream.Client.Http;
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
        var api = ApiRequest.Post("/google-login-domains").WithJson(request, MeetStreamJsonContext.Default.CreateGoogleLoginDomainRequest);
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.GoogleLoginDomain, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<GoogleLoginDomainList> ListDomainsAsync(CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync(ApiRequest.Get("/google-login-domains"), MeetStreamJsonContext.Default.GoogleLoginDomainList, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    public async Task<GoogleLoginDomain> GetDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get("/google-login-domains/{domain}").WithPath("domain", domain, nameof(domain));
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.GoogleLoginDomain, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<UpdateGoogleLoginDomainResponse> UpdateDomainAsync(string domain, UpdateGoogleLoginDomainRequest request, CancellationToken cancellationToken = default)
    {
        var api = ApiRequest.Patch("/google-login-domains/{domain}").WithPath("domain", domain, nameof(domain));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        api.WithJson(request, MeetStreamJsonContext.Default.UpdateGoogleLoginDomainRequest).AsIdempotent();
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.UpdateGoogleLoginDomainResponse, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public Task DeleteDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Delete("/google-login-domains/{domain}").WithPath("domain", domain, nameof(domain));
        return _transport.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<GoogleLogin> CreateAsync(CreateGoogleLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        var api = ApiRequest.Post("/google-logins").WithJson(request, MeetStreamJsonContext.Default.CreateGoogleLoginRequest);
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.GoogleLogin, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<GoogleLoginList> ListAsync(string? domain = null, CancellationToken cancellationToken = default)
    {
        RequireOptional(domain, nameof(domain));
        var request = ApiRequest.Get("/google-logins").WithQuery("domain", domain);
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.GoogleLoginList, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<GoogleLogin> UpdateAsync(string loginId, UpdateGoogleLoginRequest request, CancellationToken cancellationToken = default)
    {
        var api = ApiRequest.Patch("/google-logins/{login_id}").WithPath("login_id", loginId, nameof(loginId));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        api.WithJson(request, MeetStreamJsonContext.Default.UpdateGoogleLoginRequest).AsIdempotent();
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.GoogleLogin, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string loginId, string? domain = null, CancellationToken cancellationToken = default)
    {
        RequireOptional(domain, nameof(domain));
        var request = ApiRequest.Delete("/google-logins/{login_id}").WithPath("login_id", loginId, nameof(loginId)).WithQuery("domain", domain);
        return _transport.SendAsync(request, cancellationToken);
    }

    private static void RequireOptional(string? value, string parameterName)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space when set; pass null to leave it out.", parameterName);
        }
    }
}
