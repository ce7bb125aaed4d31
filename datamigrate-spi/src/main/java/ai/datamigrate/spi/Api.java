package ai.datamigrate.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how stable a public type is, so that plugin authors know what they may rely on.
 * Every public type of the SPI carries it (an architecture test checks this).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
@Api(status = Api.Status.STABLE, since = "0.1")
public @interface Api {

    Status status();

    /** The version in which the element got its current status. */
    String since() default "";

    @Api(status = Status.STABLE, since = "0.1")
    enum Status {
        /** Internal; may change or disappear in any release. */
        INTERNAL,
        /** New; may change in a minor release. */
        EXPERIMENTAL,
        /** Changes only in a major release; interfaces plugins implement grow through default methods. */
        STABLE,
        /** Will be removed in the next major release. */
        DEPRECATED
    }
}
