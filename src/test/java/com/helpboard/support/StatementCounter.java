package com.helpboard.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application prepares, so a test can show that a page runs
 * a fixed number of them whatever its length. Counts all threads; tests reset it first.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final AtomicInteger COUNT = new AtomicInteger();

	private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

	public static void reset() {
		COUNT.set(0);
		STATEMENTS.clear();
	}

	public static int count() {
		return COUNT.get();
	}

	/** The statements counted since the last reset, for a failing test to show. */
	public static List<String> statements() {
		return List.copyOf(STATEMENTS);
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
						COUNT.incrementAndGet();
						STATEMENTS.add(String.valueOf(args[0]));
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
