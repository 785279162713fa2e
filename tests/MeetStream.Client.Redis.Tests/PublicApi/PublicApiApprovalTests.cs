using MeetStream.Client.Tests.PublicApi;

namespace MeetStream.Client.Redis.Tests.PublicApi;

/// <summary>The public surface of MeetStream.Client.Redis must match its reviewed text file.</summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void RedisPackage_PublicApi_MatchesApprovedFile() =>
        PublicApiApproval.Verify(typeof(MeetStream.Client.Redis.RedisPackage).Assembly);
}
