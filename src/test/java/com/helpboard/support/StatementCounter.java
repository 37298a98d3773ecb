package com.helpboard.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application prepares, so a test can show that a page runs
 * a fixed number of them whatever its length. Tests reset it first, on the thread whose
 * statements they count. On request ({@link #captureExecutions()}) it also keeps each
 * executed statement with the parameters bound to it, so a test can ask PostgreSQL how it
 * runs exactly what the application ran.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final AtomicInteger COUNT = new AtomicInteger();

	private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

	/**
	 * Counts from now on the statements of the calling thread only (a MockMvc request
	 * runs on it), so listeners still working in the background on what earlier steps
	 * published do not blur the count of the page under test.
	 */
	public static void reset() {
		counted = Thread.currentThread();
		COUNT.set(0);
		STATEMENTS.clear();
	}

	private static volatile @org.jspecify.annotations.Nullable Thread counted;

	public static int count() {
		return COUNT.get();
	}

	/** The statements counted since the last reset, for a failing test to show. */
	public static List<String> statements() {
		return List.copyOf(STATEMENTS);
	}

	/**
	 * A statement the application executed and the {@code set…} calls that bound its
	 * parameters, in order: replayed on another {@link PreparedStatement} they bind the
	 * same values with the same types.
	 */
	public record Execution(String sql, List<Binding> bindings) {

		public void bind(PreparedStatement statement) throws Exception {
			for (Binding binding : this.bindings) {
				binding.method().invoke(statement, binding.args());
			}
		}

	}

	public record Binding(Method method, Object[] args) {

	}

	private static volatile boolean capturing;

	private static final List<Execution> EXECUTIONS = new CopyOnWriteArrayList<>();

	/** Keeps the statements executed from now on, with their parameters. */
	public static void captureExecutions() {
		EXECUTIONS.clear();
		capturing = true;
	}

	/** Stops keeping them, and returns those kept since {@link #captureExecutions()}. */
	public static List<Execution> executions() {
		capturing = false;
		return List.copyOf(EXECUTIONS);
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
					return proxy(dataSource);
				}
				return bean;
			}
		};
	}

	private static DataSource proxy(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (p, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? connection(connection) : result;
				});
	}

	private static Connection connection(Connection target) {
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (p, method, args) -> {
					String name = method.getName();
					if (name.equals("prepareStatement") || name.equals("prepareCall")) {
						Thread thread = counted;
						if (thread == null || thread == Thread.currentThread()) {
							COUNT.incrementAndGet();
							STATEMENTS.add(String.valueOf(args[0]));
						}
						Object statement = invoke(target, method, args);
						return (capturing && statement instanceof PreparedStatement prepared)
								? capturing(prepared, String.valueOf(args[0])) : statement;
					}
					return invoke(target, method, args);
				});
	}

	private static PreparedStatement capturing(PreparedStatement target, String sql) {
		List<Binding> bindings = new ArrayList<>();
		Class<?> type = (target instanceof CallableStatement) ? CallableStatement.class : PreparedStatement.class;
		return (PreparedStatement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { type }, (p, method, args) -> {
					String name = method.getName();
					if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
						bindings.add(new Binding(method, args.clone()));
					}
					else if (name.equals("clearParameters")) {
						bindings.clear();
					}
					else if (name.startsWith("execute") && (args == null || args.length == 0)) {
						EXECUTIONS.add(new Execution(sql, List.copyOf(bindings)));
					}
					return invoke(target, method, args);
				});
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
