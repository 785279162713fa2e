using MeetStream.Client.Tests.PublicApi;

namespace MeetStream.Client.Testing.Tests.PublicApi;

/// <summary>The public surface of MeetStream.Client.Testing must match its reviewed text file.</summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void TestingPackage_PublicApi_MatchesApprovedFile() => PublicApiApproval.Verify(typeof(MeetStreamSimulator).Assembly);
}
