using System.ComponentModel.DataAnnotations;
using Led.Core.Configuration;

namespace Led.Core.Tests.Configuration;

public sealed class ReconstructionWeightsOptionsTests
{
    private static List<string> Errors(ReconstructionWeightsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => $"{r.MemberNames.Single()}: {r.ErrorMessage}").ToList();
    }

    [Fact]
    public void AFieldARadiusOfAtLeastZeroAndAPositiveWeightAreValid()
    {
        Assert.Empty(Errors(new ReconstructionWeightsOptions { Field = "mask", Radius = 0, Weight = 0.5 }));
        Assert.Equal(["Radius: radius must be ≥ 0 (grid cells around the field's non-zero points)"],
            Errors(new ReconstructionWeightsOptions { Field = "mask", Radius = -1 }));
        Assert.Equal(["Field: field: name the dataset's fixed field to weigh by, e.g. \"mask\"",
                      "Weight: weight must be a finite number > 0 (got 0); 1 weighs every point alike"],
            Errors(new ReconstructionWeightsOptions { Weight = 0 }));
        Assert.Equal(["Weight: weight must be a finite number > 0 (got NaN); 1 weighs every point alike"],
            Errors(new ReconstructionWeightsOptions { Field = "mask", Weight = double.NaN }));
    }
}
