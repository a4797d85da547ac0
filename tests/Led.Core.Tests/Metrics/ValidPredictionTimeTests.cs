using Led.Core.Metrics;

namespace Led.Core.Tests.Metrics;

public class ValidPredictionTimeTests
{
    /// <summary>
    /// Two points whose targets alternate ±1 and ±3 (σ 1 and 3); the error grows by 0.1 σ per step at both points, so
    /// NRMSE_σ(t) = 0.1 (t + 1): the first step above 0.5 is t = 5 (0.6), five valid steps. The second initial condition
    /// is predicted exactly and stays valid for the whole horizon.
    /// </summary>
    [Fact]
    public void CountsTheLeadingStepsUnderTheThreshold_NormalisingEachPointByItsStandardDeviation()
    {
        const int ics = 2, steps = 8;
        var targets = new double[ics * steps * 2];
        var predictions = new double[targets.Length];
        for (int i = 0; i < ics; i++)
            for (int t = 0; t < steps; t++)
            {
                int o = (i * steps + t) * 2;
                double sign = (t + i) % 2 == 0 ? 1 : -1;
                (targets[o], targets[o + 1]) = (sign, 3 * sign);
                double e = i == 0 ? 0.1 * (t + 1) : 0;
                (predictions[o], predictions[o + 1]) = (targets[o] + e, targets[o + 1] - 3 * e);
            }

        var (nrmse, valid) = ValidPredictionTime.Compute(predictions, targets, ics, steps, 0.5);

        Assert.Equal([5, 8], valid);
        for (int t = 0; t < steps; t++)
        {
            Assert.Equal(0.1 * (t + 1), nrmse.Values[0, t], 12);
            Assert.Equal(0, nrmse.Values[1, t]);
        }
    }

    [Fact]
    public void APointThatNeverVaries_IsLeftOutOfTheNormalisation()
    {
        // point 0 varies (σ 1), point 1 is constant 5 in every target and predicted as 7: it does not count
        double[] targets = [1, 5, -1, 5], predictions = [1.2, 7, -1.2, 7];

        var (nrmse, valid) = ValidPredictionTime.Compute(predictions, targets, 1, 2, 0.5);

        Assert.Equal(0.2, nrmse.Values[0, 0], 12);
        Assert.Equal(2, valid[0]);
    }

    [Fact]
    public void MismatchedShapesAndANonPositiveThreshold_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => ValidPredictionTime.Compute(new double[6], new double[4], 1, 2, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidPredictionTime.Compute(new double[4], new double[4], 1, 2, 0));
    }
}
