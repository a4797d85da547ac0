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
}
