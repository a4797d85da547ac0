using System.Reflection;
using Led.Core.Runs;

namespace Led.Core.Tests.Runs;

public class FailureMessageTests
{
    [Fact]
    public void TheSameCauseFromEveryWorkerOfAParallelLoopIsNamedOnce()
    {
        var cause = new InvalidOperationException("u at node 50 crossed zero upwards 0 time(s): no oscillation");
        var parallel = new AggregateException(cause, new InvalidOperationException(cause.Message), new InvalidOperationException(cause.Message));
        Assert.Equal("InvalidOperationException: u at node 50 crossed zero upwards 0 time(s): no oscillation", FailureMessage.Of(parallel, "/tmp/run"));
    }

    [Fact]
    public void AReflectiveCallIsLookedThroughAndAFullDiskIsNamedWithThePath()
    {
        // ENOSPC as .NET reports it on Linux and macOS: the errno is the HResult.
        var full = new TargetInvocationException(new IOException("No space left on device : '/data/run/data.h5'", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28));
        Assert.True(FailureMessage.IsDiskFull(full, "/data/run"));
        Assert.Equal("no space left on device: /data/run (free space there or write elsewhere with --out)", FailureMessage.Of(full, "/data/run"));

        var other = new TargetInvocationException(new InvalidDataException("not an HDF5 file"));
        Assert.False(FailureMessage.IsDiskFull(other, Path.GetTempPath()));
        Assert.Equal("InvalidDataException: not an HDF5 file", FailureMessage.Of(other, Path.GetTempPath()));
    }
}
