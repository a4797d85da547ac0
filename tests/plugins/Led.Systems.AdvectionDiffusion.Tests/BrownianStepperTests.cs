namespace Led.Systems.AdvectionDiffusion.Tests;

public class BrownianStepperTests
{
    [Fact]
    public void FoldingReflectsAtBothWallsAnyNumberOfTimesAndLeavesInsidePointsUntouched()
    {
        // 11 values: two 4-wide vectors and a scalar tail. Expected by reflecting step by step at ±0.5.
        double[] x = [0.7, -0.8, 2.3, -3.4, 0.123456789, -0.5, 0.5, 0.49, 5.5, -0.1, 1.2];
        double[] expected = [0.3, -0.2, 0.3, 0.4, 0.123456789, -0.5, 0.5, 0.49, -0.5, -0.1, -0.2];
        BrownianStepper.Fold(x, -0.5, 1.0);
        for (int i = 0; i < x.Length; i++) Assert.Equal(expected[i], x[i], 1e-12);
        Assert.Equal(0.123456789, x[4]);     // bit for bit
        Assert.Equal(0.49, x[7]);
    }
}
