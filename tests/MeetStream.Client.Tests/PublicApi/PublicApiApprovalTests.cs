using System.Reflection;

namespace MeetStream.Client.Tests.PublicApi;

/// <summary>
/// The public surface of each package must match its reviewed text file. On a difference the test writes
/// <c>*.received.txt</c> beside the approved file; review it and copy it over the approved file (or run the tests
/// with MEETSTREAM_ACCEPT_API=1) in the same change as the code.
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void MeetStreamClient_PublicApi_MatchesApprovedFile() => PublicApiApproval.Verify(typeof(MeetStreamClient).Assembly);
}
