namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="LambdaSecretProvider"/>; the defaults read Lambda's environment.</summary>
public sealed class LambdaSecretProviderOptions
{
    /// <summary>The environment variable that overrides the extension's port (the extension's own setting).</summary>
    public const string PortEnvironmentVariable = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";

    /// <summary>
    /// Gets or sets the Parameters and Secrets extension's endpoint; <see langword="null"/> uses
    /// <c>http://localhost:{PARAMETERS_SECRETS_EXTENSION_HTTP_PORT or 2773}</c>.
    /// </summary>
    public Uri? ExtensionEndpoint { get; set; }

    /// <summary>Gets or sets the token the extension requires; <see langword="null"/> reads <c>AWS_SESSION_TOKEN</c>.</summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Gets or sets how long a value is reused; <see langword="null"/> (the default) keeps it for the life of the warm
    /// execution environment. Set it to pick up rotated secrets without a cold start.
    /// </summary>
    public TimeSpan? CacheDuration { get; set; }

    /// <summary>Gets or sets how environment variables are read (tests replace it); default the process environment.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Gets or sets the clock for <see cref="CacheDuration"/>; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() => $"LambdaSecretProviderOptions {{ ExtensionEndpoint = {ExtensionEndpoint}, SessionToken = {(SessionToken is null ? "null" : "***")}, CacheDuration = {CacheDuration} }}";
}
