namespace MeetStream.Client;

/// <summary>
/// Google signed-in bots: register Google Workspace domains and the accounts (SSO key and certificate) bots sign in
/// with, so Meet bots join as verified users instead of waiting as guests. Then create bots with
/// <see cref="GoogleMeetJoinConfig"/>. Fake this interface to test code that uses it.
/// </summary>
/// <remarks>
/// Capacity rule of thumb: logins = peak concurrent Meet sessions / 20; bots are spread across logins round-robin.
/// Every method throws <see cref="MeetStreamApiException"/> subclasses for error statuses,
/// <see cref="MeetStreamConnectionException"/> and <see cref="MeetStreamTimeoutException"/> for transport failures.
/// </remarks>
public interface IGoogleLoginsClient
{
    /// <summary>Registers a Google Workspace domain (<c>POST /google-login-domains</c>).</summary>
    /// <param name="request">
    /// The domain. The API reference and MeetStream's CLI disagree on the body (<c>user_id</c> vs
    /// <c>sso_workspace_domain</c>); every field is optional and only the ones you set are sent.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered domain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Neither a domain nor a user id is set, or a set field is empty.</exception>
    /// <exception cref="MeetStreamConflictException">The domain is already registered (409).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<GoogleLoginDomain> CreateDomainAsync(CreateGoogleLoginDomainRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists your registered domains with their login counts (<c>GET /google-login-domains</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The domains.</returns>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<GoogleLoginDomainList> ListDomainsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one domain with its logins (<c>GET /google-login-domains/{domain}</c>).</summary>
    /// <param name="domain">The Workspace domain, e.g. <c>acme.com</c> (URL-encoded by the SDK).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The domain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">The domain is not registered (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<GoogleLoginDomain> GetDomainAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Renames a domain or changes its login mode (<c>PATCH /google-login-domains/{domain}</c>; one guide shows PUT, the API reference and SDKs PATCH).</summary>
    /// <param name="domain">The Workspace domain.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it succeeded and the updated domain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is empty or the request changes nothing.</exception>
    /// <exception cref="MeetStreamNotFoundException">The domain is not registered (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<UpdateGoogleLoginDomainResponse> UpdateDomainAsync(string domain, UpdateGoogleLoginDomainRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a domain and its logins (<c>DELETE /google-login-domains/{domain}</c>; the API may refuse while a login is active).</summary>
    /// <param name="domain">The Workspace domain.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the domain is deleted (the API answers with an empty body).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">The domain is not registered (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task DeleteDomainAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Adds a Workspace account to a registered domain (<c>POST /google-logins</c>).</summary>
    /// <param name="request">The domain, email, SSO private key and certificate.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new login (its <see cref="GoogleLogin.LoginId"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A required field is empty or the email is not an address.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<GoogleLogin> CreateAsync(CreateGoogleLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists Workspace accounts (<c>GET /google-logins</c>), optionally of one domain.</summary>
    /// <param name="domain">Only this domain's accounts (<c>?domain=</c>); <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accounts.</returns>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is set but empty.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<GoogleLoginList> ListAsync(string? domain = null, CancellationToken cancellationToken = default);

    /// <summary>Enables or disables an account or replaces its SSO key and certificate (<c>PATCH /google-logins/{login_id}</c>).</summary>
    /// <param name="loginId">The login's id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The API's answer read as a login (shape undocumented; other fields land in <c>AdditionalProperties</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loginId"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="loginId"/> is empty or the request changes nothing.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such login (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request (for example while the account is in a meeting).</exception>
    Task<GoogleLogin> UpdateAsync(string loginId, UpdateGoogleLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an account (<c>DELETE /google-logins/{login_id}</c>).</summary>
    /// <remarks>
    /// Unlike <see cref="ITeamsLoginsClient.DeleteAsync"/>, this takes an optional <paramref name="domain"/>: the API
    /// differs here. MeetStream's own CLI scopes Google logins by Workspace domain and sends it as <c>?domain=</c> on
    /// delete, while nothing of MeetStream's sends a domain when deleting a Teams login (and Teams, unlike Google, has
    /// <c>GET /teams-logins/{login_id}</c> and requires the domain to list).
    /// </remarks>
    /// <param name="loginId">The login's id.</param>
    /// <param name="domain">The account's domain, sent as <c>?domain=</c> the way MeetStream's CLI does; <see langword="null"/> to leave it out (as the API reference and the official SDKs do).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the account is deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loginId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="loginId"/> is empty, or <paramref name="domain"/> is set but empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such login (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task DeleteAsync(string loginId, string? domain = null, CancellationToken cancellationToken = default);
}
