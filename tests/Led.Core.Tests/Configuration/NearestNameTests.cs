using Led.Core.Configuration;

namespace Led.Core.Tests.Configuration;

public sealed class NearestNameTests
{
    [Fact]
    public void TheNearestNameWithinAThirdOfTheKeysLengthIsSuggested()
    {
        Assert.Equal("mask", NearestName.Of("Mak", ["porosity", "mask"]));
        Assert.Equal("learningRate", NearestName.Of("learnignRate", ["learningRate", "latentLoss"]));
        Assert.Null(NearestName.Of("vorticity", ["mask"]));
    }
}
