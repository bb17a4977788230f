/** The lpr command line (examples/target/lpr.jar) and examples of using the SDK. */
package org.lpr.examples.cli;
