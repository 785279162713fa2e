namespace MeetStream.Client;

/// <summary>
/// MeetStream custom storage (bring your own bucket): MeetStream writes bot media into your S3, S3-compatible or
/// Alibaba OSS bucket. Fake this interface to test code that uses it.
/// </summary>
public interface IStorageClient
{
    /// <summary>
    /// Saves the storage configuration (<c>PUT /admin/configs?config_type=storage</c>), replacing any previous one.
    /// MeetStream validates the bucket before saving. Affects bots created afterwards only.
    /// </summary>
    /// <param name="request">The bucket and credentials.</param>
    /// <param name="configType">
    /// The <c>config_type</c> query value; <see langword="null"/> sends <see cref="StorageConfigType.Storage"/> (the API
    /// reference's and official SDKs' value). Pass <see cref="StorageConfigType.StorageConfig"/> if MeetStream support
    /// asks for the S3 guide's spelling.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>MeetStream's answer (documented as empty).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A required field is empty, the endpoint URL is not absolute http(s), the prefix contains <c>..</c>, or <paramref name="configType"/> is empty or white space (e.g. <c>default(StorageConfigType)</c>).</exception>
    /// <exception cref="MeetStreamBadRequestException">MeetStream rejected the configuration or could not reach the bucket with the credentials.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<StorageConfigResult> SetAsync(StorageConfigRequest request, StorageConfigType? configType = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the current storage configuration, without credentials (<c>GET /admin/configs</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The configuration; <see cref="StorageConfig.IsConfigured"/> is false when none is set.</returns>
    /// <exception cref="MeetStreamApiException">MeetStream answered with an error.</exception>
    Task<StorageConfig> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the storage configuration and its credentials (<c>DELETE /admin/configs?key_name=aws</c>). New bots
    /// write to MeetStream's bucket again; files already in your bucket stay.
    /// </summary>
    /// <param name="keyName">The <c>key_name</c> query value; <c>aws</c> (the only documented value) by default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>MeetStream's answer (documented as empty).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keyName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyName"/> is empty or white space.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with an error.</exception>
    Task<StorageConfigResult> DeleteAsync(string keyName = "aws", CancellationToken cancellationToken = default);
}
