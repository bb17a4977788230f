/** JMH benchmarks: java -jar lpr-benchmarks/target/benchmarks.jar NAME */
package org.lpr.benchmarks;
