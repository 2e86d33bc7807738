package dev.jimeng.cli;

import java.math.BigDecimal;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Number options read with messages in plain words: picocli's own say "'ten' is not an int", or quote a
 * NumberFormatException ("Character c is neither a decimal digit number…").
 */
final class NumberWords {
    private NumberWords() {}

    /** Registers the converters on {@code cl} and the subcommands it has now. */
    static void register(CommandLine cl) {
        ITypeConverter<Integer> ints = value -> whole(value, Integer::parseInt);
        ITypeConverter<Long> longs = value -> whole(value, Long::parseLong);
        cl.registerConverter(Integer.class, ints);
        cl.registerConverter(Integer.TYPE, ints);
        cl.registerConverter(Long.class, longs);
        cl.registerConverter(Long.TYPE, longs);
        cl.registerConverter(BigDecimal.class, value -> decimal(value, BigDecimal::new));
        cl.registerConverter(Double.class, value -> decimal(value, Double::valueOf));
        cl.registerConverter(Double.TYPE, value -> decimal(value, Double::valueOf));
    }

    private static <T> T whole(String value, Function<String, T> parse) {
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number"
                    + (value.strip().matches("[+-]?\\d+") ? " this size (too many digits)" : ""));
        }
    }

    private static <T> T decimal(String value, Function<String, T> parse) {
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number (write it like 12.50)");
        }
    }
}
