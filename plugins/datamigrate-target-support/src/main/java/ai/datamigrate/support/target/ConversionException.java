package ai.datamigrate.support.target;

/**
 * A value that does not fit its column's type; the loaders write its row to the reject file. Without a stack trace:
 * a load may reject many rows, and the message says all there is to say.
 */
public final class ConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConversionException(String message) {
        super(message, null, false, false);
    }

    /** A failure of a conversion step (a parser's exception), worded with the value and the column's type. */
    public static ConversionException cannotConvert(Object value, String targetType, RuntimeException cause) {
        return new ConversionException("cannot convert " + SqlServerValues.describe(value) + " to " + targetType + ": "
                + cause.getMessage());
    }
}
