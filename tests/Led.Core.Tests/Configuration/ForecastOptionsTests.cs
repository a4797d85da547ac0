using System.ComponentModel.DataAnnotations;
using Led.Core.Configuration;

namespace Led.Core.Tests.Configuration;

public sealed class ForecastOptionsTests
{
    private static List<string> Errors(ForecastOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void ReportHorizonsMustLieWithinTheHorizon()
    {
        Assert.Empty(Errors(new ForecastOptions { Horizon = 451, ReportHorizons = [1, 451] }));
        Assert.Equal(["reportHorizons: 0 is not between 1 and horizon (451)", "reportHorizons: 452 is not between 1 and horizon (451)"],
            Errors(new ForecastOptions { Horizon = 451, ReportHorizons = [0, 100, 452] }));
    }

    [Fact]
    public void DecodeEvery_LiesBetweenOneAndTheHorizon_AndReportHorizonsReachADecodedStep()
    {
        Assert.Empty(Errors(new ForecastOptions { Horizon = 100, DecodeEvery = 100 }));
        Assert.Empty(Errors(new ForecastOptions { Horizon = 100, DecodeEvery = 10, ReportHorizons = [10, 55] }));
        Assert.Equal(["decodeEvery must be ≥ 1 (1 decodes every step)"], Errors(new ForecastOptions { Horizon = 100, DecodeEvery = 0 }));
        Assert.Equal(["decodeEvery 101 exceeds the horizon (100), so no step would be decoded; use a value between 1 and 100"],
            Errors(new ForecastOptions { Horizon = 100, DecodeEvery = 101 }));
        Assert.Equal(["report horizon 9 comes before the first decoded step (10, as decodeEvery is 10); use report horizons ≥ 10 or a smaller decodeEvery"],
            Errors(new ForecastOptions { Horizon = 100, DecodeEvery = 10, ReportHorizons = [9, 10] }));
    }
}
