using Led.Core.Stages;

namespace Led.Core.Tests.Stages;

public class SpeedStageTests
{
    [Theory]
    [InlineData(0.44, "0.4×")]
    [InlineData(3.74, "3.7×")]
    [InlineData(9.94, "9.9×")]
    [InlineData(10.2, "10×")]
    [InlineData(150.4, "150×")]
    public void SpeedUpsUnderTenKeepADecimal(double speedup, string shown) => Assert.Equal(shown, SpeedStage.Format(speedup));
}
