using Led.Toolkit.Learning;

namespace Led.Toolkit.Tests.Learning;

public class DistinctRowsTests
{
    [Fact]
    public void KeepsTheFirstOfEachExactDuplicateInOrder()
    {
        double[] rows = [1, 2, /**/ 3, 4, /**/ 1, 2, /**/ 1, 2.0000000000000004, /**/ 3, 4];

        var kept = DistinctRows.Of(rows, 2);

        Assert.Equal([1, 2, 3, 4, 1, 2.0000000000000004], kept);
    }

    [Fact]
    public void ALengthThatIsNotAMultipleOfTheWidthIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => DistinctRows.Of([1, 2, 3], 2));
        Assert.Contains("rows of 2", error.Message);
    }
}
