using Led.Core.Compute;
using Led.Core.Configuration;
using static TorchSharp.torch;

namespace Led.Core.Tests.Compute;

public class LibTorchContextTests
{
    [Fact]
    public void TheNnpackSwitchReachesLibTorchAndTheDeviceSetupTurnsItOff()
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "the switch is reached through the Itanium C++ ABI");
        Assert.True(LibTorchContext.TrySetNnpackEnabled(true));
        Assert.True(LibTorchContext.NnpackEnabled);

        DeviceContext.Create("cpu", Precision.Float64, 1, 1);

        Assert.False(LibTorchContext.NnpackEnabled);
        // Convolutions still run, on libtorch's own kernels.
        using var scope = NewDisposeScope();
        var image = ones(1, 1, 4, 4, dtype: ScalarType.Float32);
        var kernel = ones(1, 1, 3, 3, dtype: ScalarType.Float32);
        using (no_grad())
            Assert.Equal(new float[] { 9, 9, 9, 9 }, nn.functional.conv2d(image, kernel).data<float>().ToArray());
    }
}
