namespace MeetStream.Client;

/// <summary>
/// Microsoft Teams signed-in bots: register the domain of a dedicated Microsoft 365 tenant and the accounts bots
/// sign in with, so Teams bots join as real users. Then create bots with <see cref="TeamsJoinConfig"/>. Fake this
/// interface to test code that uses it.
/// </summary>
/// <remarks>
/// One account serves one bot at a time; when every account is busy create_bot answers 429. Passwords are
/// write-only. Tenant requirements: licensed non-admin users, security defaults off, self-service password reset set
/// to None. Every method throws <see cref="MeetStreamApiException"/> subclasses for error statuses (400, 403, 404,
/// 409, 429 documented), <see cref="MeetStreamConnectionException"/> and <see cref="MeetStreamTimeoutException"/> for
/// transport failures.
/// </remarks>
public interface ITeamsLoginsClient
{
    /// <summary>Registers a domain for Teams signed-in bots (<c>POST /teams-login-domains</c>).</summary>
    /// <param name="request">The domain, an optional name and login mode.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered domain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The domain is empty.</exception>
    /// <exception cref="MeetStreamConflictException">The domain is already registered (409).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<TeamsLoginDomain> CreateDomainAsync(CreateTeamsLoginDomainRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists your domains with their login counts (<c>GET /teams-login-domains</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The domains.</returns>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<TeamsLoginDomainList> ListDomainsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one domain with its accounts (<c>GET /teams-login-domains/{domain}</c>).</summary>
    /// <param name="domain">The domain, e.g. <c>bots.acme.com</c> (URL-encoded by the SDK).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The domain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">The domain is not registered (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<TeamsLoginDomain> GetDomainAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Renames a domain or changes its login mode (<c>PATCH /teams-login-domains/{domain}</c>).</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The API's answer read as a domain (shape undocumented; other fields land in <c>AdditionalProperties</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is empty or the request changes nothing.</exception>
    /// <exception cref="MeetStreamNotFoundException">The domain is not registered (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<TeamsLoginDomain> UpdateDomainAsync(string domain, UpdateTeamsLoginDomainRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a domain and every account under it (<c>DELETE /teams-login-domains/{domain}</c>).</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the domain is deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">The domain is not registered (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task DeleteDomainAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Adds a Microsoft 365 account to a registered domain (<c>POST /teams-logins</c>).</summary>
    /// <param name="request">The domain, email and password.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new account (its <see cref="TeamsLogin.LoginId"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A required field is empty or the email is not an address.</exception>
    /// <exception cref="MeetStreamConflictException">The account is already registered (409).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<TeamsLogin> CreateAsync(CreateTeamsLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists the accounts of one domain (<c>GET /teams-logins?domain=</c>; the API requires the domain).</summary>
    /// <param name="domain">The registered domain.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accounts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is empty.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<TeamsLoginList> ListAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Reads one account (<c>GET /teams-logins/{login_id}</c>), including its lease and last sign-in error.</summary>
    /// <param name="loginId">The login's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loginId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="loginId"/> is empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such login (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<TeamsLogin> GetAsync(string loginId, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password (which also reactivates the account) and/or enables or disables an account (<c>PATCH /teams-logins/{login_id}</c>).</summary>
    /// <param name="loginId">The login's id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The API's answer read as an account (shape undocumented).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loginId"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="loginId"/> is empty or the request changes nothing.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such login (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<TeamsLogin> UpdateAsync(string loginId, UpdateTeamsLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an account (<c>DELETE /teams-logins/{login_id}</c>).</summary>
    /// <remarks>
    /// Unlike <see cref="IGoogleLoginsClient.DeleteAsync"/> there is no <c>domain</c> parameter: the API differs here.
    /// MeetStream's CLI sends <c>?domain=</c> only when deleting a Google login; a Teams login id is enough on its own
    /// (it can also be read by id with <see cref="GetAsync"/>, which Google logins cannot).
    /// </remarks>
    /// <param name="loginId">The login's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the account is deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loginId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="loginId"/> is empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such login (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task DeleteAsync(string loginId, CancellationToken cancellationToken = default);
}
