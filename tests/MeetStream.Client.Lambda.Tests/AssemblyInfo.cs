using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(DynaliteServer))]
[assembly: AssemblyFixture(typeof(S3rverServer))]
[assembly: AssemblyFixture(typeof(FauxqsServer))]
[assembly: AssemblyFixture(typeof(WireMockServer))]
